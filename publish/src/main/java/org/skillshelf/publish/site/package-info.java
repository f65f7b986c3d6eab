/**
 * The public catalogue pages: home (browse by DigComp area and skill, newest additions), search
 * results with facets and highlighted snippets, and record pages with schema.org JSON-LD,
 * OpenGraph tags and a form to report a broken link.
 */
@NullMarked
package org.skillshelf.publish.site;

import org.jspecify.annotations.NullMarked;
