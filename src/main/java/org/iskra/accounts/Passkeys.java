package org.iskra.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.iskra.site.IskraProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys as a second step: Spring Security's WebAuthn relying party (on webauthn4j) checks the ceremonies and its
 * JDBC repositories keep the keys in the database, so every node knows them. The ceremonies themselves go through
 * {@link PasskeyController}, not Spring's login filter, because here a passkey completes a login whose password was
 * checked already, and must belong to that same account.
 */
@Service
class Passkeys {

    /** A registered passkey as the account page lists it. */
    record Passkey(String id, String label, Instant created, Instant lastUsed) {
    }

    static final int MAX_LABEL = 60;

    private final JdbcPublicKeyCredentialUserEntityRepository users;
    private final JdbcUserCredentialRepository credentials;
    private final URI base;
    private volatile Webauthn4JRelyingPartyOperations relyingParty;
    private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    Passkeys(JdbcTemplate jdbc, IskraProperties site) {
        this.users = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        this.credentials = new JdbcUserCredentialRepository(jdbc);
        this.base = URI.create(site.baseUrl());
        this.relyingParty = relyingParty(base.getPort());
    }

    /**
     * A base address naming port 0 (the server takes any free port, as tests do) means the port it got: browsers
     * sign the origin they are on, and it must match.
     */
    @EventListener
    void started(WebServerInitializedEvent event) {
        if (base.getPort() == 0) {
            relyingParty = relyingParty(event.getWebServer().getPort());
        }
    }

    private Webauthn4JRelyingPartyOperations relyingParty(int port) {
        String origin = base.getScheme() + "://" + base.getHost() + (port < 0 ? "" : ":" + port);
        // the relying party is the site's host: a passkey made here is offered on no other site
        PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder().id(base.getHost()).name("Iskra").build();
        Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials, rp, Set.of(origin));
        // a passkey here is a second step after the password: a security key without a resident credential does
        // as well, and the user is verified by the key where it can (a PIN, a fingerprint)
        operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                .residentKey(ResidentKeyRequirement.PREFERRED)
                .userVerification(UserVerificationRequirement.PREFERRED)
                .build()));
        return operations;
    }

    int count(String email) {
        PublicKeyCredentialUserEntity user = users.findByUsername(StaffStore.normalize(email));
        return user == null ? 0 : credentials.findByUserId(user.getId()).size();
    }

    List<Passkey> list(String email) {
        PublicKeyCredentialUserEntity user = users.findByUsername(StaffStore.normalize(email));
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId()).stream()
                .map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::created))
                .toList();
    }

    /** The options for adding a passkey to the signed-in user's account, kept in the session until it answers. */
    @Transactional
    PublicKeyCredentialCreationOptions creationOptions(Authentication user) {
        return relyingParty.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(user));
    }

    /**
     * Registers what the browser answered to {@code options}.
     *
     * @throws RuntimeException of several kinds when the answer does not verify (a wrong challenge, origin, signature)
     */
    @Transactional
    void register(PublicKeyCredentialCreationOptions options, String body, String label) {
        RelyingPartyPublicKey key = json.readValue(body, RelyingPartyPublicKey.class);
        relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
                new RelyingPartyPublicKey(key.getCredential(), label)));
    }

    /** The options for proving one of this user's passkeys, limited to theirs. */
    PublicKeyCredentialRequestOptions requestOptions(Authentication user) {
        return relyingParty.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(user));
    }

    /** Whether the browser's answer to {@code options} proves a passkey of the account {@code email}. */
    @Transactional
    boolean authenticate(PublicKeyCredentialRequestOptions options, String body, String email) {
        PublicKeyCredential<AuthenticatorAssertionResponse> credential = json.readValue(body,
                new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() { });
        PublicKeyCredentialUserEntity owner = relyingParty.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
        return owner.getName().equals(StaffStore.normalize(email));
    }

    String json(Object options) {
        return json.writeValueAsString(options);
    }

    /** Removes one of this user's passkeys; false when it is not theirs. */
    @Transactional
    boolean remove(String email, String id) {
        PublicKeyCredentialUserEntity user = users.findByUsername(StaffStore.normalize(email));
        if (user == null || id == null || !id.matches("[A-Za-z0-9_-]{1,1400}")) {
            return false;
        }
        CredentialRecord credential;
        try {
            credential = credentials.findByCredentialId(Bytes.fromBase64(id));
        } catch (IllegalArgumentException notBase64url) {
            return false;
        }
        if (credential == null || !credential.getUserEntityUserId().equals(user.getId())) {
            return false;
        }
        credentials.delete(credential.getCredentialId());
        return true;
    }

    @Transactional
    int removeAll(String email) {
        PublicKeyCredentialUserEntity user = users.findByUsername(StaffStore.normalize(email));
        if (user == null) {
            return 0;
        }
        List<CredentialRecord> all = credentials.findByUserId(user.getId());
        all.forEach(c -> credentials.delete(c.getCredentialId()));
        return all.size();
    }
}
