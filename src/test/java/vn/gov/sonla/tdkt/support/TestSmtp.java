package vn.gov.sonla.tdkt.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The SMTP server (GreenMail, in process) of the {@link IsolatedAppTest} context: one per test JVM, started on a free
 * port when that context is built ({@link IsolatedAppTest.Mail} puts the port into the context's properties), so
 * that the context is shared like the others and parallel builds on one machine do not fight for a fixed port. A test
 * that stops it to play a mail server that is down starts it again on the same port with {@link #restart()}.
 */
public final class TestSmtp {

  private static GreenMail server;
  private static int port;

  private TestSmtp() {}

  /** The server's port, starting the server on a free port the first time. */
  public static synchronized int port() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      server.start();
      port = server.getSmtp().getPort();
    }
    return port;
  }

  /** The running server (started on its port again if a test stopped it). */
  public static synchronized GreenMail server() {
    port();
    if (!server.isRunning()) {
      restart();
    }
    return server;
  }

  /** Stops the server: e-mails to it fail until {@link #restart()}. */
  public static synchronized void stop() {
    port();
    server.stop();
  }

  /** A new, empty server on the same port (after {@link #stop()}). */
  public static synchronized GreenMail restart() {
    port();
    if (server.isRunning()) {
      server.stop();
    }
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }
}
