package org.skillshelf.fetch;

/** The methods the fetcher sends: GET to read a page, HEAD to check that a link still answers. */
public enum HttpMethod {
  GET,
  HEAD
}
