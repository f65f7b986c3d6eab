package org.skillshelf.events;

/**
 * Why something failed, as a stable code and a sentence a curator understands ("the server
 * answered 404").
 */
public record Problem(String code, String message) {}
