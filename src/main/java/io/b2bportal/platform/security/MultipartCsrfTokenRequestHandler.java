package io.b2bportal.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Where the CSRF filter finds the token of a form with a file: the header (htmx), then the form's address, then
 * the body. The servlet container refuses to parse a multipart body over the upload limit, so such forms carry
 * their token in the address as well: the upload then reaches its controller, which says "too large" next to the
 * file field, instead of being refused as a forgery. Other requests are resolved as Spring Security always does.
 */
final class MultipartCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler standard = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        standard.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return standard.resolveCsrfTokenValue(request, csrfToken);
        }
        return standard.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String fromAddress = queryParameter(getQueryString(), name);
                if (fromAddress != null) {
                    return fromAddress;
                }
                try {
                    return super.getParameter(name);
                } catch (IllegalStateException unreadableBody) {
                    return null;
                }
            }
        }, csrfToken);
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        String value = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name);
        return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
    }
}
