package org.skillshelf.fetch;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
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
  private static final int FIRST_BUFFER = 8 * 1024;
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
   * Sends the request and reads the response whole, within the caps, as it arrives on the client's
   * threads: the caller is woken once, when the answer is complete. The body of a redirect about to
   * be followed is not kept: nobody will look at it.
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
    BufferedResponse listener = new BufferedResponse(method, followingRedirects);
    request.send(listener);
    Response response = await(request, listener, budget, target.host());
    Answer head = listener.head != null ? listener.head : head(response);
    if (method == HttpMethod.HEAD || followingRedirects && head.isRedirect()) {
      return head;
    }
    byte[] bytes = bodyReader.undeclaredGzip(
        bodyReader.decode(listener.body(), response.getHeaders().getValuesList(HttpHeader.CONTENT_ENCODING)), head.mediaType());
    return new Answer(head.status(), head.headers(), head.mediaType(), head.declaredCharset(), bytes);
  }

  private Response await(Request request, BufferedResponse listener, long budget, String host) throws FetchFailure {
    try {
      // Jetty enforces the total timeout itself; the grace only guards against a missed wake-up.
      return listener.done.get(budget + GRACE_MILLIS, TimeUnit.MILLISECONDS);
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

  private static Answer head(Response response) {
    String contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
    return new Answer(response.getStatus(), headers(response), mediaType(contentType), charset(contentType), NO_BODY);
  }

  /**
   * Collects a response on the client's threads and completes {@link #done} with it. What is not
   * wanted is refused as soon as the headers tell (a type not allowed, a declared length over the
   * cap) or the bytes pass the cap, by aborting the response with the {@link FetchFailure} to
   * report. A redirect's short announced body is read and dropped so that the connection can carry
   * the next request; a longer one is left unread, which drops the connection.
   */
  private final class BufferedResponse implements Response.Listener {
    /** Aborts a redirect whose body is not worth reading; the redirect itself is the answer. */
    private static final Exception LEFT_UNREAD = new Exception("a redirect's body, left unread");

    final CompletableFuture<Response> done = new CompletableFuture<>();
    /** The response without its body, as its headers came; read once {@link #done} has completed. */
    @Nullable Answer head;
    private final HttpMethod method;
    private final boolean followingRedirects;
    private boolean dropBody;
    private byte[] buffer = NO_BODY;
    private int size;

    BufferedResponse(HttpMethod method, boolean followingRedirects) {
      this.method = method;
      this.followingRedirects = followingRedirects;
    }

    @Override
    public void onHeaders(Response response) {
      Answer head = head(response);
      this.head = head;
      if (method == HttpMethod.HEAD) {
        return;
      }
      long declaredLength = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      if (followingRedirects && head.isRedirect()) {
        dropBody = true;
        if (declaredLength < 0 || declaredLength > REDIRECT_BODY_TO_DISCARD) {
          response.abort(LEFT_UNREAD);
        }
        return;
      }
      try {
        checkContentType(head);
        if (declaredLength > settings.maxBytes()) {
          throw bodyReader.tooLarge();
        }
        buffer = new byte[(int) Math.min(Math.max(declaredLength, FIRST_BUFFER), settings.maxBytes() + 1)];
      } catch (FetchFailure refused) {
        response.abort(refused);
      }
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
      if (dropBody) {
        return;
      }
      int length = content.remaining();
      if ((long) size + length > settings.maxBytes()) {
        response.abort(bodyReader.tooLarge());
        return;
      }
      if (size + length > buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(settings.maxBytes() + 1, Math.max(2L * buffer.length, size + length)));
      }
      content.get(buffer, size, length);
      size += length;
    }

    @Override
    public void onComplete(Result result) {
      Throwable failure = result.getResponseFailure() != null ? result.getResponseFailure() : result.getRequestFailure();
      if (failure == null || failure == LEFT_UNREAD) {
        done.complete(result.getResponse());
      } else {
        done.completeExceptionally(failure);
      }
    }

    /** The body's bytes; once {@link #done} has completed. */
    byte[] body() {
      return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
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
