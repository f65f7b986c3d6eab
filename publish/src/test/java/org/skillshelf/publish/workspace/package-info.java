@NullMarked
package org.skillshelf.publish.workspace;

import org.jspecify.annotations.NullMarked;
