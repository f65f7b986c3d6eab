/**
 * Bulk import: reading a curator's file of addresses (plain list, CSV, Netscape bookmarks or a
 * Markdown "awesome list") into lines to submit and per-line errors to report. Nothing here talks
 * to Kafka; the submission API turns each {@link org.skillshelf.ingest.bulk.BulkLine} into a
 * submission.
 */
@NullMarked
package org.skillshelf.ingest.bulk;

import org.jspecify.annotations.NullMarked;
