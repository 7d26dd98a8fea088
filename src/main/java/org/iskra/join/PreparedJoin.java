package org.iskra.join;

import org.iskra.organizing.IncomingRequests;

/**
 * A join request ready to be recorded: its personal columns already sealed (on the request's own thread, so the
 * single writer that records a group of them does not spend its time on encryption), with the few plaintext
 * values its mail needs (the name and address the confirmation goes to, the confirmation link's token).
 */
record PreparedJoin(String publicId, String formToken, String countryCode, String language, String sourcePath,
                    IncomingRequests.Sealed sealed, String confirmationTokenHash,
                    String name, String email, String confirmationToken) {
}
