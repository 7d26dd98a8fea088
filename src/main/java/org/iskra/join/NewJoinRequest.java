package org.iskra.join;

/** A valid submission, for the intake: phone and message may be null, every other field is present. */
record NewJoinRequest(String formToken, String countryCode, String language, String sourcePath, String name,
                      String email, String phone, String city, String message) {
}
