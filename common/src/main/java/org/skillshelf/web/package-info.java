/** The shared web server: JSON errors, health, Prometheus metrics, security headers, curator login. */
@NullMarked
package org.skillshelf.web;

import org.jspecify.annotations.NullMarked;
