/** The linkcheck service: periodic, polite checks of every catalogue link and each link's health. */
@NullMarked
package org.skillshelf.linkcheck;

import org.jspecify.annotations.NullMarked;
