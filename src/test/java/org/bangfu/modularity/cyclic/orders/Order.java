package org.bangfu.modularity.cyclic.orders;

import org.bangfu.modularity.cyclic.billing.Invoice;

/** Fixture for ModularityTest: a module that uses another, which uses it back. */
public class Order {

  public Invoice bill() {
    return new Invoice(this);
  }
}
