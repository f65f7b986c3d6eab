/** Topic declarations, serdes and client settings shared by every stage. */
@NullMarked
package org.skillshelf.kafka;

import org.jspecify.annotations.NullMarked;
