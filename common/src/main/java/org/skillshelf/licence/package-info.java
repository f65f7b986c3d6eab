/** Licences of resources: recognised from what pages declare, named by SPDX id, linked by URL. */
@NullMarked
package org.skillshelf.licence;

import org.jspecify.annotations.NullMarked;
