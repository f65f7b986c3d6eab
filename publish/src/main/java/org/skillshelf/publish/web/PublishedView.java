package org.skillshelf.publish.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.skillshelf.events.CatalogueRecord;

/** A published record with its link's current health. */
record PublishedView(@JsonUnwrapped CatalogueRecord record, String linkState) {}
