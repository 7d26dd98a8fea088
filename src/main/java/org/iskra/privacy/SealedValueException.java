package org.iskra.privacy;

/**
 * A sealed value that cannot be opened: altered, sealed for another purpose, sealed with a key that is not in the
 * key file, or not a sealed value at all. The message never contains the value, sealed or open.
 */
public final class SealedValueException extends RuntimeException {

    SealedValueException(String message) {
        super(message);
    }
}
