package org.iskra.accounts;

/**
 * What a staff user has set up as a second factor: an authenticator app (with its recovery codes left), passkeys;
 * and whether their roles require one. {@code enrolled} once they have an app or a passkey.
 */
public record SecondFactorStatus(boolean totp, int passkeys, int recoveryCodesLeft, boolean required) {

    public boolean enrolled() {
        return totp || passkeys > 0;
    }
}
