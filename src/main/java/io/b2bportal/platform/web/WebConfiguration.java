package io.b2bportal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new PortalLocaleResolver();
    }

    /**
     * Uploads are parsed first; then {@code ?lang=en} on any page switches the language (an unsupported value is
     * ignored). The language is read from the address only, never from a body, which may be an upload too large
     * to parse.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Uploads are resolved lazily (spring.servlet.multipart.resolve-lazily) and parsed here, first, with the
        // controller known: one over the size limit is then answered by that controller's handler (a form error)
        // or the API's (Problem Details), and nothing reads a parameter of an unparseable body before.
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request instanceof MultipartHttpServletRequest upload) {
                    upload.getMultiFileMap();
                }
                return true;
            }
        });
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getQueryString() == null ? null : UriComponentsBuilder.newInstance()
                        .query(request.getQueryString()).build().getQueryParams().getFirst("lang");
                if (lang != null) {
                    PortalLocaleResolver.supported(lang)
                            .ifPresent(locale -> localeResolver().setLocale(request, response, locale));
                }
                return true;
            }
        });
    }
}
