package org.paragrade.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * This request's CSRF token, for forms: {@code <input type="hidden" name="{inject:csrf.parameterName}"
 * value="{inject:csrf.token}">}. Set by {@link CsrfFilter} from the token cookie, or freshly drawn.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {
    public static final String COOKIE = "paragrade-csrf";
    public static final String FIELD = "csrf-token";

    private String token = "";
    private boolean fresh;

    public String token() {
        return token;
    }

    public String parameterName() {
        return FIELD;
    }

    void use(String token, boolean fresh) {
        this.token = token;
        this.fresh = fresh;
    }

    boolean fresh() {
        return fresh;
    }
}
