package org.bangfu.modularity.cyclic.billing;

import org.bangfu.modularity.cyclic.orders.Order;

/** Fixture for ModularityTest: closes the cycle orders → billing → orders. */
public record Invoice(Order order) {
}
