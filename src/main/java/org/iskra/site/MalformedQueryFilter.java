package org.iskra.site;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string with a {@code %} that starts no escape ({@code ?q=%}, {@code ?page=%zz}) is a 400, with the error
 * page in the reader's language, on every route and before anything reads a parameter: Tomcat refuses to parse such
 * a query and throws from the first {@code getParameter}, which had made a 500 of it wherever a page read one.
 */
final class MalformedQueryFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !PageKey.wellFormed(query)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
