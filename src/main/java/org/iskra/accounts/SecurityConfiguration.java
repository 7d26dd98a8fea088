package org.iskra.accounts;

import org.iskra.site.IskraProperties;
import org.iskra.site.SecurityHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Two worlds. The back office ({@code /admin/**}): a login in steps (password, then the second factor, see
 * {@link LoginSteps}), a session stored in the database once the password is right, CSRF on every change.
 * Public pages: open, sessionless and cookie-free, so they can be cached; the session cookie is scoped to
 * {@code /admin} and never reaches them. Both carry strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    // images only from the site's own media: an image from another host would tell it who reads what
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain backOffice(HttpSecurity http, LoginThrottle throttle, LoginSteps steps,
                                   IskraProperties properties) throws Exception {
        http
                .securityMatcher("/admin", "/admin/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/admin/login", "/admin/invitation/**").permitAll()
                            // the login's later steps: open to a session whose password was checked, and no other page
                            .requestMatchers("/admin/new-password", "/admin/second-factor", "/admin/second-factor/**")
                            .hasAuthority(SignIn.PASSWORD_CHECKED)
                            .requestMatchers(StaffArea.NEWSLETTER_UNSUBSCRIBE).hasRole(Role.ADMINISTRATOR.name());
                    // each area to its roles, as the staff layout's navigation lists them (StaffArea)
                    for (StaffArea area : StaffArea.values()) {
                        requests.requestMatchers(area.pathPatterns()).hasAnyRole(area.roleNames());
                    }
                    requests.anyRequest().hasAuthority(SignIn.SIGNED_IN);
                })
                .formLogin(login -> login
                        .loginPage("/admin/login")
                        .loginProcessingUrl("/admin/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(steps)
                        .failureHandler(throttle)
                        .permitAll())
                // a session half-way through its login is sent on to its next step, never shown a page
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                            .getAuthentication();
                    if (SignIn.pending(authentication)) {
                        response.sendRedirect(steps.next(authentication).path);
                    } else {
                        response.sendError(403);
                    }
                }))
                // no session for anonymous visitors: CSRF tokens and the page to come back to live in cookies
                .csrf(csrf -> csrf.csrfTokenRepository(new BackOfficeCsrfTokens(properties.baseUrl().startsWith("https://"))))
                .requestCache(cache -> cache.requestCache(steps.requestCache()))
                .addFilterAfter(steps.limits(), org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .logout(logout -> logout
                        .logoutUrl("/admin/logout")
                        .logoutSuccessUrl("/admin/login?logout"))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> secure(headers));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicSite(HttpSecurity http,
                                   @Value("${management.server.port:#{null}}") Integer managementPort) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // metrics only on the management port, which listens on the loopback address unless the
                        // administrator says otherwise (ISKRA_MANAGEMENT_PORT, ISKRA_MANAGEMENT_ADDRESS)
                        .requestMatchers(request -> managementPort != null && request.getLocalPort() == managementPort)
                        .permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Spring's CSRF token lives in a session, and public pages have none. The join form is protected
                // instead by its signed form token and by the Origin/Referer check of join.JoinController; the
                // newsletter's forms alike, and its one-click unsubscribe (RFC 8058) by the signed link alone.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/*/join", "/*/newsletter", "/*/newsletter/**"))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> secure(headers).cacheControl(cacheControl -> cacheControl.disable()));
        return http.build();
    }

    private static org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> secure(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        // a link to another site must not tell it which article the reader came from; HSTS goes to every request
        // that arrived over HTTPS, also through a TLS-terminating proxy (seen from its X-Forwarded-Proto when
        // ISKRA_FORWARDED_HEADERS=native), and the page cache adds it to the pages it answers (SecurityHeaders)
        return headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS)
                        .includeSubDomains(false))
                .frameOptions(frame -> frame.deny());
    }

    /** The staff session cookie: only for the back office, HttpOnly, SameSite, Secure when served over HTTPS. */
    @Bean
    CookieSerializer staffSessionCookie(IskraProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("ISKRA_STAFF");
        cookie.setCookiePath("/admin");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(properties.baseUrl().startsWith("https://"));
        return cookie;
    }
}
