package org.skillshelf.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;
import org.skillshelf.fetch.FetchFailure.Reason;

/** One HTTP request and its response, read within the settings' limits. No retries, no redirects. */
final class Exchange {
  private static final Pattern CHARSET_PARAMETER = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final long GRACE_MILLIS = 1000;
  private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final byte[] NO_BODY = new byte[0];
  private static final long REDIRECT_BODY_TO_DISCARD = 16 * 1024;

  private final HttpClient client;
  private final FetchSettings settings;
  private final BodyReader bodyReader;
  private final FailureClassifier classifier;

  Exchange(HttpClient client, FetchSettings settings, FailureClassifier classifier) {
    this.client = client;
    this.settings = settings;
    this.bodyReader = new BodyReader(settings.maxBytes(), settings.maxDecompressedBytes());
    this.classifier = classifier;
  }

  /**
   * Sends the request and reads the response. The body of a redirect about to be followed is not
   * read: nobody will look at it.
   */
  Answer perform(FetchTarget target, HttpMethod method, boolean followingRedirects, Deadline deadline) throws FetchFailure {
    long budget = deadline.remaining().toMillis();
    if (budget <= 0) {
      throw classifier.totalTimeout();
    }
    Request request = client.newRequest(target.uri())
        .method(method.name())
        .followRedirects(false)
        .timeout(budget, TimeUnit.MILLISECONDS)
        .idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .headers(headers -> headers
            .put(HttpHeader.ACCEPT, ACCEPT)
            .put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate"));
    InputStreamResponseListener listener = new InputStreamResponseListener();
    request.send(listener);
    Response response = awaitHeaders(request, listener, budget, target.host());
    try (InputStream body = listener.getInputStream()) {
      return answer(response, body, method, followingRedirects);
    } catch (IOException e) {
      response.abort(e);
      throw classifier.classify(e, target.host());
    } catch (FetchFailure e) {
      response.abort(e);
      throw e;
    }
  }

  private Response awaitHeaders(Request request, InputStreamResponseListener listener, long budget, String host)
      throws FetchFailure {
    try {
      // Jetty enforces the total timeout itself; the grace only guards against a missed wake-up.
      return listener.get(budget + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      request.abort(e);
      throw classifier.totalTimeout();
    } catch (ExecutionException e) {
      throw classifier.classify(e.getCause() == null ? e : e.getCause(), host);
    } catch (InterruptedException e) {
      request.abort(e);
      Thread.currentThread().interrupt();
      throw new FetchFailure(Reason.CONNECTION_FAILED, "the fetch was cancelled");
    }
  }

  private Answer answer(Response response, InputStream body, HttpMethod method, boolean followingRedirects)
      throws FetchFailure, IOException {
    Map<String, List<String>> headers = headers(response);
    String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mediaType = mediaType(contentType);
    Charset charset = charset(contentType);
    Answer head = new Answer(response.getStatus(), headers, mediaType, charset, NO_BODY);
    long declaredLength = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (method == HttpMethod.HEAD) {
      return head;
    }
    if (followingRedirects && head.isRedirect()) {
      discardSmallBody(body, declaredLength);
      return head;
    }
    checkContentType(head);
    if (declaredLength > settings.maxBytes()) {
      throw bodyReader.tooLarge();
    }
    byte[] bytes = bodyReader.undeclaredGzip(
        bodyReader.read(body, response.getHeaders().getValuesList(HttpHeader.CONTENT_ENCODING)), mediaType);
    return new Answer(head.status(), headers, mediaType, charset, bytes);
  }

  /**
   * Reads and drops a redirect's short, announced body so the connection can carry the next
   * request; anything else is left unread, and closing the stream then drops the connection.
   */
  private static void discardSmallBody(InputStream body, long declaredLength) {
    if (declaredLength < 0 || declaredLength > REDIRECT_BODY_TO_DISCARD) {
      return;
    }
    try {
      body.skipNBytes(declaredLength);
    } catch (IOException ignored) {
      // The redirect is already in hand; a body that fails to arrive changes nothing.
    }
  }

  /** Only successful responses are held to the allow-list: an error page says what went wrong. */
  private void checkContentType(Answer head) throws FetchFailure {
    if (head.status() < 200 || head.status() > 299) {
      return;
    }
    String type = head.mediaType() == null ? "application/octet-stream" : head.mediaType();
    if (!settings.acceptsContentType(type)) {
      throw new FetchFailure(Reason.UNSUPPORTED_CONTENT_TYPE,
          "the page is of type " + type + ", which is not one of " + String.join(", ", settings.allowedContentTypes().stream().sorted().toList()));
    }
  }

  private static Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : response.getHeaders()) {
      if (field.getValue() != null) {
        headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
      }
    }
    return headers;
  }

  private static @Nullable String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    return type.isEmpty() ? null : type;
  }

  private static @Nullable Charset charset(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher matcher = CHARSET_PARAMETER.matcher(contentType);
    return matcher.find() ? BodyCharset.named(matcher.group(1)).orElse(null) : null;
  }
}
