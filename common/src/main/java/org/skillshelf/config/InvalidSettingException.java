package org.skillshelf.config;

/** A setting whose value cannot be used; the message names the variable and what is wrong. */
public final class InvalidSettingException extends RuntimeException {
  public InvalidSettingException(String variable, String value, String problem) {
    super(variable + "=" + value + ": " + problem);
  }
}
