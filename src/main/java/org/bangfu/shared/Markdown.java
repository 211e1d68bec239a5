package org.bangfu.shared;

/** Text from the registry or a form inside the Markdown a form's summary is written in. */
public final class Markdown {

  private Markdown() {
  }

  /** The text with Markdown's own characters escaped: a masked ID number's asterisks are not emphasis. */
  public static String escape(String text) {
    return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]<>#|~])", "\\\\$1");
  }
}
