/** HTTP routes of the publish service. */
@NullMarked
package org.skillshelf.publish.web;

import org.jspecify.annotations.NullMarked;
