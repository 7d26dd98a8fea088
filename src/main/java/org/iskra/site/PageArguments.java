package org.iskra.site;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the handler parameters every back-office page needs: the {@link Reader} (language, interface text, CSRF
 * field) and the {@link ActingStaff}. Each handler used to work them out from the request in the same three lines.
 */
@Component
class PageArguments implements HandlerMethodArgumentResolver {

    // asked for when a request needs them: the web configuration that registers this is built before them, and
    // building them then would read the database earlier in the start than it does now
    private final ObjectProvider<Languages> languages;
    private final ObjectProvider<PageFrames> frames;
    private final ObjectProvider<StaffDirectory> staff;

    PageArguments(ObjectProvider<Languages> languages, ObjectProvider<PageFrames> frames,
                  ObjectProvider<StaffDirectory> staff) {
        this.languages = languages;
        this.frames = frames;
        this.staff = staff;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Reader.class || type == ActingStaff.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (parameter.getParameterType() == Reader.class) {
            return reader(request);
        }
        return actingStaff(request);
    }

    private Reader reader(HttpServletRequest request) {
        Language language = languages.getObject().preferredBy(request);
        PageFrames pageFrames = frames.getObject();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Reader(language, pageFrames.messages(language), token == null ? null : new CsrfField(token),
                pageFrames);
    }

    private ActingStaff actingStaff(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new NotFoundException();
        }
        long id = staff.getObject().idOf(principal.getName()).orElseThrow(NotFoundException::new);
        return new ActingStaff(id, principal.getName(), request.getRemoteAddr());
    }
}
