/** The publish service: review queue and decisions, the catalogue topic, search, public pages and API. */
@NullMarked
package org.skillshelf.publish;

import org.jspecify.annotations.NullMarked;
