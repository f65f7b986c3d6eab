package org.skillshelf.taxonomy;

/**
 * A taxonomy file that cannot be used: unreadable, not JSON/YAML of the expected shape, or with a
 * skill that breaks a rule. The message names the source, the skill and the problem.
 */
public final class InvalidTaxonomyException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidTaxonomyException(String message) {
    super(message);
  }

  public InvalidTaxonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}
