/**
 * Turns fetched bytes into catalogue facts: metadata from a page's structured data and markup, and
 * the main text without navigation, banners and comments. HTML is read with jsoup, its main text
 * by the shared {@link org.skillshelf.text.main.MainText} that linkcheck uses too; PDF, office,
 * OpenDocument, EPUB and plain text go through Apache Tika on a bounded pool with a time limit.
 */
@NullMarked
package org.skillshelf.enrich.extract;

import org.jspecify.annotations.NullMarked;
