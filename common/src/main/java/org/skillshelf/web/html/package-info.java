/**
 * Server-rendered pages: one layout, escaping of every value shown, and CSRF tokens for forms.
 * Pages work without JavaScript; scripts (same-origin only, allowed by the CSP) only enhance them.
 */
@NullMarked
package org.skillshelf.web.html;

import org.jspecify.annotations.NullMarked;
