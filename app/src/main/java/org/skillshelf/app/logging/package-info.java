/** Logging set-up of the application: filters for known noise from the libraries. */
@NullMarked
package org.skillshelf.app.logging;

import org.jspecify.annotations.NullMarked;
