/**
 * Turns fetched bytes into catalogue facts: metadata from a page's structured data and markup, and
 * the main text without navigation, banners and comments. HTML is read with jsoup; PDF, office,
 * OpenDocument, EPUB and plain text go through Apache Tika on a bounded pool with a time limit.
 */
@NullMarked
package org.skillshelf.enrich.extract;

import org.jspecify.annotations.NullMarked;
