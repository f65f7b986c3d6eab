/**
 * The catalogue in open formats other systems harvest: an Atom feed, an OAI-PMH 2.0 endpoint with
 * Dublin Core, a sitemap, and CSV and JSON exports. XML is written with StAX, which escapes every
 * value.
 */
@NullMarked
package org.skillshelf.publish.harvest;

import org.jspecify.annotations.NullMarked;
