/**
 * The main text of an HTML page without navigation, banners and comments, read with jsoup, and
 * its fingerprint: one extraction shared by enrich (which stores the fingerprint at approval) and
 * linkcheck (which compares today's page with it). Only {@link org.skillshelf.text.main.MainText}
 * is API; the other classes are its steps.
 */
@NullMarked
package org.skillshelf.text.main;

import org.jspecify.annotations.NullMarked;
