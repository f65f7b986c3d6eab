package org.skillshelf.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.skillshelf.fetch.FetchFailure.Reason;

/** Turns what Jetty and the JDK throw into a {@link FetchFailure} a curator can read. */
final class FailureClassifier {
  private final FetchSettings settings;

  FailureClassifier(FetchSettings settings) {
    this.settings = settings;
  }

  FetchFailure classify(Throwable failure, String host) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      FetchFailure known = specific(t, host);
      if (known != null) {
        return known;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException || t instanceof HttpException) {
        return new FetchFailure(Reason.PROTOCOL_ERROR, "the server sent a response that is not valid HTTP");
      }
      if (t instanceof ConnectException) {
        return new FetchFailure(Reason.CONNECTION_FAILED, "the server at " + host + " refused the connection");
      }
    }
    if (failure instanceof IOException || failure.getCause() instanceof IOException) {
      return new FetchFailure(Reason.CONNECTION_FAILED, "the connection to " + host + " failed or was closed early");
    }
    return new FetchFailure(Reason.PROTOCOL_ERROR, "the fetch failed unexpectedly (" + failure.getClass().getSimpleName() + ")");
  }

  FetchFailure totalTimeout() {
    return new FetchFailure(Reason.TIMEOUT, "the page did not finish loading within " + Wording.duration(settings.totalTimeout()));
  }

  private @org.jspecify.annotations.Nullable FetchFailure specific(Throwable t, String host) {
    return switch (t) {
      case FetchFailure known -> known;
      case GuardedResolver.AddressRefused refused ->
          new FetchFailure(Reason.FORBIDDEN_ADDRESS, "the address " + refused.getMessage() + " and may not be fetched");
      case UnknownHostException unknown -> new FetchFailure(Reason.DNS_FAILURE, "the host name " + host + " could not be found");
      case SSLException tls -> new FetchFailure(Reason.TLS_ERROR, "the secure connection to " + host + " failed: " + tls.getMessage());
      case CertificateException cert -> new FetchFailure(Reason.TLS_ERROR, "the certificate of " + host + " is not valid");
      case TimeoutException timeout -> timeout(t);
      case SocketTimeoutException timeout -> timeout(t);
      case InterruptedByTimeoutException timeout -> timeout(t);
      default -> null;
    };
  }

  private FetchFailure timeout(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("total")) {
      return totalTimeout();
    }
    if (message.contains("connect")) {
      return new FetchFailure(Reason.TIMEOUT, "the server did not accept a connection within " + Wording.duration(settings.connectTimeout()));
    }
    return new FetchFailure(Reason.TIMEOUT, "the server did not answer within " + Wording.duration(settings.readTimeout()));
  }
}
