package org.iskra.accounts;

import java.nio.charset.StandardCharsets;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The passkey ceremonies, for the small script of the second step and of the account page (the browser's WebAuthn
 * API needs one). The challenge waits in the session, which lives in the database, so the answer may reach any node.
 */
@Controller
@ConditionalOnWebApplication
class PasskeyController {

    private static final Logger log = LoggerFactory.getLogger(PasskeyController.class);
    private static final String REQUEST = PasskeyController.class.getName() + ".request";
    private static final String CREATION = PasskeyController.class.getName() + ".creation";
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final Passkeys passkeys;
    private final LoginSteps steps;
    private final LoginThrottle throttle;
    private final StaffAudit audit;

    PasskeyController(Passkeys passkeys, LoginSteps steps, LoginThrottle throttle, StaffAudit audit) {
        this.passkeys = passkeys;
        this.steps = steps;
        this.throttle = throttle;
        this.audit = audit;
    }

    @PostMapping("/admin/second-factor/passkey/options")
    ResponseEntity<String> loginOptions(Authentication authentication, HttpServletRequest request) {
        if (!SignIn.pending(authentication) || steps.next(authentication) != LoginSteps.Step.CODE) {
            return json(HttpStatus.CONFLICT, "{\"error\":\"no login waits for a passkey\"}");
        }
        PublicKeyCredentialRequestOptions options = passkeys.requestOptions(authentication);
        request.getSession().setAttribute(REQUEST, options);
        return json(HttpStatus.OK, passkeys.json(options));
    }

    @PostMapping("/admin/second-factor/passkey")
    ResponseEntity<String> login(@RequestBody(required = false) String body, Authentication authentication, HttpServletRequest request,
                                 HttpServletResponse response) {
        HttpSession session = request.getSession();
        Object options = session.getAttribute(REQUEST);
        session.removeAttribute(REQUEST);
        if (!SignIn.pending(authentication) || !(options instanceof PublicKeyCredentialRequestOptions requestOptions)
                || body == null) {
            return json(HttpStatus.CONFLICT, "{\"error\":\"no login waits for a passkey\"}");
        }
        StaffUser user = steps.user(authentication);
        if (throttle.check(request, user.email()) != LoginThrottle.Verdict.GO) {
            return json(HttpStatus.TOO_MANY_REQUESTS, "{\"error\":\"throttled\"}");
        }
        boolean proved;
        try {
            proved = passkeys.authenticate(requestOptions, body, user.email());
        } catch (RuntimeException refused) {
            log.info("A passkey answer for staff user {} did not verify: {}", user.id(), refused.getClass().getSimpleName());
            proved = false;
        }
        if (!proved) {
            throttle.failed(request, user.email(), "passkey");
            return json(HttpStatus.BAD_REQUEST, "{\"error\":\"the passkey was not accepted\"}");
        }
        String next = steps.complete(request, response, user, SecondFactor.Factor.PASSKEY);
        return json(HttpStatus.OK, "{\"redirect\":" + quoted(next) + "}");
    }

    @PostMapping("/admin/account/passkeys/options")
    ResponseEntity<String> registrationOptions(Authentication authentication, HttpServletRequest request) {
        PublicKeyCredentialCreationOptions options = passkeys.creationOptions(authentication);
        request.getSession().setAttribute(CREATION, options);
        return json(HttpStatus.OK, passkeys.json(options));
    }

    @PostMapping("/admin/account/passkeys")
    ResponseEntity<String> register(@RequestParam(required = false) String label, @RequestBody(required = false) String body,
                                    Authentication authentication, HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object options = session.getAttribute(CREATION);
        session.removeAttribute(CREATION);
        String name = label == null ? "" : label.strip();
        if (!(options instanceof PublicKeyCredentialCreationOptions creationOptions) || body == null || name.isEmpty()
                || name.length() > Passkeys.MAX_LABEL) {
            return json(HttpStatus.BAD_REQUEST, "{\"error\":\"label\"}");
        }
        StaffUser user = steps.user(authentication);
        try {
            passkeys.register(creationOptions, body, name);
        } catch (RuntimeException refused) {
            log.info("A passkey of staff user {} was not registered: {}", user.id(), refused.getClass().getSimpleName());
            return json(HttpStatus.BAD_REQUEST, "{\"error\":\"the passkey was not accepted\"}");
        }
        audit.record(request, user.id(), "staff.passkey.add", user.id(), null);
        return json(HttpStatus.OK, "{\"redirect\":\"/admin/account?done=passkey\"}");
    }

    @PostMapping("/admin/account/passkeys/{id}/delete")
    ResponseEntity<String> remove(@PathVariable String id, Authentication authentication, HttpServletRequest request) {
        StaffUser user = steps.user(authentication);
        if (passkeys.remove(user.email(), id)) {
            audit.record(request, user.id(), "staff.passkey.remove", user.id(), null);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/admin/account?done=passkey-removed")
                .cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(JSON).cacheControl(CacheControl.noStore()).body(body);
    }

    private static String quoted(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
