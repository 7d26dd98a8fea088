package org.iskra.accounts;

import java.security.Principal;
import java.util.List;

import org.iskra.site.ErrorPage;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff member picks the back office's language on their account page; the next page speaks it. A code that
 * names no interface language (only a changed form sends one) is refused with a 400 in the language they have now.
 */
@Controller
@ConditionalOnWebApplication
class InterfaceLanguageController {

    private final LanguageChoices choices;
    private final PageRenderer renderer;

    InterfaceLanguageController(LanguageChoices choices, PageRenderer renderer) {
        this.choices = choices;
        this.renderer = renderer;
    }

    @PostMapping("/admin/account/language")
    ResponseEntity<byte[]> choose(@RequestParam(required = false) String language, Principal principal, Reader reader) {
        if (choices.choose(principal.getName(), language)) {
            return PageRenderer.seeOther("/admin/account?done=language");
        }
        var t = reader.t();
        ErrorPage page = new ErrorPage(reader.backOfficeFrame("accounts.account.language"), 400,
                t.get("accounts.account.language"), t.get("accounts.account.language-unknown"), List.of());
        return renderer.errorPage(HttpStatus.BAD_REQUEST, page, reader.language());
    }
}
