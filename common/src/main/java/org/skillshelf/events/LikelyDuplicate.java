package org.skillshelf.events;

/** Another resource whose main text is nearly the same, with a similarity in [0,1]. */
public record LikelyDuplicate(String resourceId, double similarity) {}
