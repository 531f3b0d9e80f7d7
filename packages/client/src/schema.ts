/**
 * The Latchkey API's paths and schemas, generated from the OpenAPI document it serves
 * (`/docs/json`) by openapi-typescript. Do not edit: run `npm run generate -w @latchkey/client`.
 */
/* eslint-disable */

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirects to the console */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/branding/{tenantId}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's logo, as the wizard shows it */
        get: {
            parameters: {
                query?: {
                    v?: string;
                };
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirects to /connect/ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connect wizard (HTML), opened from a connect session URL */
        get: {
            parameters: {
                query?: {
                    /** @description The connect session's id: its tenant's embedding origins may frame the page */
                    s?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirects to /console/ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The builder console (HTML) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/icons/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A catalog connector's icon (SVG) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The SVG document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text format); a bearer token when LATCHKEY_METRICS_TOKEN is set
         * @description The runtime's metrics (names `latchkey_`, docs/api.md lists them). With LATCHKEY_METRICS_TOKEN set, `Authorization: Bearer <the token>` is required and anything else is a 401; unset, the route is open, so keep it off the public network.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Prometheus text exposition format 0.0.4 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example # HELP latchkey_refreshes_total Token refreshes by outcome: refreshed, refused, retryable, sibling
                         *     # TYPE latchkey_refreshes_total counter
                         *     latchkey_refreshes_total{outcome="refreshed"} 42
                         */
                        "text/plain": string;
                    };
                };
                /** @description LATCHKEY_METRICS_TOKEN is set and the request did not carry it */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "unauthorized",
                         *         "message": "this route needs Authorization: Bearer $LATCHKEY_METRICS_TOKEN"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The redirect URI: the provider sends the browser back here; answers an HTML page with the outcome (and postMessage to the opener) (without the slash) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The redirect URI for providers that POST the callback parameters as a form (form_post): a 303 to the GET callback with them (without the slash) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/callback/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The redirect URI: the provider sends the browser back here; answers an HTML page with the outcome (and postMessage to the opener) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The redirect URI for providers that POST the callback parameters as a form (form_post): a 303 to the GET callback with them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/start/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connect link: binds this browser to the attempt and redirects to the provider (or an HTML page saying why not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Redis answer (503 naming the one that does not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @description "ok" or "down: <why>" */
                            postgres: string;
                            /** @description "ok" or "down: <why>" */
                            redis: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @description "ok" or "down: <why>" */
                            postgres: string;
                            /** @description "ok" or "down: <why>" */
                            redis: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "apiKeys": [
                         *         {
                         *           "id": "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4",
                         *           "label": "CI deploys",
                         *           "prefix": "lk_Xq7Tn2V",
                         *           "createdAt": "2026-12-01T09:00:00.000Z",
                         *           "lastUsedAt": "2026-12-02T12:00:00.000Z"
                         *         },
                         *         {
                         *           "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                         *           "label": "first key",
                         *           "prefix": "lk_Pz4Hs8K",
                         *           "createdAt": "2026-11-30T08:00:00.000Z",
                         *           "lastUsedAt": null
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            apiKeys: {
                                createdAt: string;
                                id: string;
                                label: string | null;
                                lastUsedAt: string | null;
                                /** @description the first characters, to recognise the key */
                                prefix: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "label": "CI deploys"
                     *     }
                     */
                    "application/json": {
                        label?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4",
                         *       "label": "CI deploys",
                         *       "prefix": "lk_Xq7Tn2V",
                         *       "createdAt": "2026-12-01T09:00:00.000Z",
                         *       "lastUsedAt": null,
                         *       "apiKey": "lk_Xq7Tn2VbR9mK4wLp8sYd3cFh6jGt1nQa5zEu0oIy2xB"
                         *     }
                         */
                        "application/json": {
                            /** @description lk_…: shown this once, stored as a SHA-256 hash */
                            apiKey: string;
                            createdAt: string;
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            /** @description the first characters, to recognise the key */
                            prefix: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions?: {
                            [key: string]: string[];
                        };
                        connectors?: string[];
                        externalId: string;
                        /** @description Where the wizard sends the customer when an attempt fails (with error and connector in the query); same rule as successUrl */
                        failureUrl?: string;
                        /** @description The wizard's language (default en) */
                        locale?: "en" | "fr";
                        /** @description Where the wizard sends the customer once a connection succeeds (with connectionId and connector in the query); must be one of the settings redirectUrls (same origin and path) */
                        successUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresAt: string;
                            token: string;
                            url: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions?: string[];
                        client?: {
                            clientId: string;
                            clientSecret: string;
                        };
                        connector: string;
                        credentials?: {
                            [key: string]: string;
                        };
                        label?: string;
                        parameters?: {
                            [key: string]: unknown;
                        };
                        scheme?: string;
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Removes a connection that holds nothing (never connected, or disconnected); a working one is a 409 until disconnected */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections/{id}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        returnToWizard?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorizeUrl: string;
                            expiresAt: string;
                            /** @description Only the missing scopes are asked for; the provider adds them to those granted before */
                            incremental: boolean;
                            /** @description The scopes this attempt asks the provider for */
                            scopes: string[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        credentials: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections/{id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                at: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                kind: string;
                                level: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/connections/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            ok: boolean;
                            reason: string | null;
                            status: number | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connect/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Per connector key, the actions this session names and the scopes they need */
                            actions: {
                                [key: string]: {
                                    actions: string[];
                                    scopes: string[];
                                };
                            };
                            branding: {
                                accentColor: string | null;
                                logoUrl: string | null;
                                name: string;
                            };
                            connections: {
                                account: {
                                    [key: string]: unknown;
                                } | null;
                                connector: string;
                                createdAt: string;
                                expiresAt: string | null;
                                externalId: string | null;
                                /** @enum {unknown} */
                                health: "yellow" | "green" | "red";
                                id: string;
                                label: string | null;
                                lastUsedAt: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                parameters: {
                                    [key: string]: string;
                                };
                                scheme: string | null;
                                scopes: {
                                    granted: string[];
                                    requested: string[];
                                };
                                /** @enum {unknown} */
                                status: "configured" | "connected" | "error" | "disconnected";
                                statusReason: string | null;
                                updatedAt: string;
                                verifiedAt: string | null;
                            }[];
                            connectors: {
                                appConfigured: boolean;
                                /** @description ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server) */
                                appSetup: "ready" | "needed" | "none";
                                authKind: string;
                                authorizeUrl: string | null;
                                clientCertificateSet: boolean;
                                clientOwnership: string;
                                customerSelectsScopes: boolean;
                                defaultScopes: string[];
                                description: string | null;
                                grant: string | null;
                                /** @description The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one */
                                iconUrl: string;
                                issuer: string | null;
                                key: string;
                                name: string;
                                parameters: unknown[];
                                pkce: boolean;
                                redirectUri: string;
                                refreshUrl: string | null;
                                revokeUrl: string | null;
                                schemes: {
                                    clientAuthMethod: string | null;
                                    clientCertificate: string | null;
                                    clientFields: {
                                        clientId: {
                                            docsUrl: string | null;
                                            example: string | null;
                                            helpText: string | null;
                                            label: string | null;
                                        };
                                        clientSecret: {
                                            docsUrl: string | null;
                                            example: string | null;
                                            helpText: string | null;
                                            label: string | null;
                                        };
                                    } | null;
                                    clientOwnership: string | null;
                                    clientRegistration: "static" | "dynamic" | (never | null);
                                    customerSelectsScopes: boolean;
                                    defaultScopes: string[];
                                    grant: string | null;
                                    inputs: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        key: string;
                                        label: string;
                                        pattern: string | null;
                                        patternMessage: string | null;
                                        required: boolean;
                                        type: string;
                                    }[];
                                    key: string;
                                    kind: string;
                                    label: string;
                                    protectedResource: string | null;
                                    redirect: boolean;
                                    scopes: {
                                        description: string;
                                        name: string;
                                    }[];
                                }[];
                                scopeDelimiter: string;
                                scopes: {
                                    actions: {
                                        key: string;
                                        name: string;
                                    }[];
                                    description: string;
                                    name: string;
                                }[];
                                source: string;
                                tokenUrl: string | null;
                                verification: {
                                    identity: string[];
                                    method: string;
                                    path: string;
                                } | null;
                                version: string;
                            }[];
                            /** @description Origins allowed to embed this wizard; it talks over postMessage only to these */
                            embedOrigins: string[];
                            expiresAt: string;
                            externalId: string;
                            failureUrl: string | null;
                            locale: string;
                            /** @description Per connection id, the scopes those actions need that it was not granted */
                            missingScopes: {
                                [key: string]: string[];
                            };
                            successUrl: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    connector?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    externalId?: string;
                    health?: "green" | "yellow" | "red";
                    limit?: number;
                    status?: "configured" | "connected" | "error" | "disconnected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "connections": [
                         *         {
                         *           "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *           "connector": "github",
                         *           "label": null,
                         *           "externalId": "customer-42",
                         *           "scheme": null,
                         *           "status": "connected",
                         *           "health": "green",
                         *           "statusReason": null,
                         *           "scopes": {
                         *             "requested": [
                         *               "repo",
                         *               "read:user"
                         *             ],
                         *             "granted": [
                         *               "repo",
                         *               "read:user"
                         *             ]
                         *           },
                         *           "expiresAt": "2026-12-02T20:00:00.000Z",
                         *           "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *           "metadata": {},
                         *           "account": {
                         *             "user": "octocat",
                         *             "name": "The Octocat"
                         *           },
                         *           "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *           "parameters": {},
                         *           "createdAt": "2026-12-01T09:29:41.000Z",
                         *           "updatedAt": "2026-12-02T12:00:00.000Z"
                         *         }
                         *       ],
                         *       "nextCursor": "MTc2NDU4MTM4MTAwMDAwMC4zYmRmMWMyZS01YTFmLTRjN2UtOWQzNS0wYzRmNmYxZjJhMTA"
                         *     }
                         */
                        "application/json": {
                            connections: {
                                account: {
                                    [key: string]: unknown;
                                } | null;
                                connector: string;
                                createdAt: string;
                                expiresAt: string | null;
                                externalId: string | null;
                                /** @enum {unknown} */
                                health: "yellow" | "green" | "red";
                                id: string;
                                label: string | null;
                                lastUsedAt: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                parameters: {
                                    [key: string]: string;
                                };
                                scheme: string | null;
                                scopes: {
                                    granted: string[];
                                    requested: string[];
                                };
                                /** @enum {unknown} */
                                status: "configured" | "connected" | "error" | "disconnected";
                                statusReason: string | null;
                                updatedAt: string;
                                verifiedAt: string | null;
                            }[];
                            /** @description pass as cursor for the next page; null after the last */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions?: string[];
                        client?: {
                            clientId: string;
                            clientSecret: string;
                        };
                        connector: string;
                        credentials?: {
                            [key: string]: string;
                        };
                        externalId?: string;
                        label?: string;
                        parameters?: {
                            [key: string]: unknown;
                        };
                        scheme?: string;
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Runs one of the connector's declared actions
         * @description The input is checked against the action's schema (400 listing every field) and its scopes against what the connection was granted (409 missing_scope, before anything is sent); the request goes through the same helper as /http (refresh on auth failure, retries, egress policy). Actions that page read up to `pages` pages.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    action: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        input?: unknown;
                        maxItems?: number;
                        /** @enum {unknown} */
                        mode?: "sync" | "async";
                        pages?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            more: boolean;
                            output: unknown;
                            pages: number;
                            status: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            status: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions?: string[];
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorizeUrl: string;
                            expiresAt: string;
                            /** @description Only the missing scopes are asked for; the provider adds them to those granted before */
                            incremental: boolean;
                            /** @description The scopes this attempt asks the provider for */
                            scopes: string[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        credentials: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                at: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                kind: string;
                                level: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/http": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: unknown;
                        headers?: {
                            [key: string]: string;
                        };
                        method: string;
                        /** @enum {unknown} */
                        mode?: "sync" | "async";
                        query?: {
                            [key: string]: string | string[];
                        };
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: unknown;
                            headers: {
                                [key: string]: string;
                            };
                            status: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            status: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/proxy/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /**
         * The provider's API under the connection's base URL, credentials added, streamed both ways
         * @description Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/v1/connections/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3bdf1c2e-5a1f-4c7e-9d35-0c4f6f1f2a10",
                         *       "connector": "github",
                         *       "label": null,
                         *       "externalId": "customer-42",
                         *       "scheme": null,
                         *       "status": "connected",
                         *       "health": "green",
                         *       "statusReason": null,
                         *       "scopes": {
                         *         "requested": [
                         *           "repo",
                         *           "read:user"
                         *         ],
                         *         "granted": [
                         *           "repo",
                         *           "read:user"
                         *         ]
                         *       },
                         *       "expiresAt": "2026-12-02T20:00:00.000Z",
                         *       "lastUsedAt": "2026-12-02T12:00:00.000Z",
                         *       "metadata": {},
                         *       "account": {
                         *         "user": "octocat",
                         *         "name": "The Octocat"
                         *       },
                         *       "verifiedAt": "2026-12-01T09:30:00.000Z",
                         *       "parameters": {},
                         *       "createdAt": "2026-12-01T09:29:41.000Z",
                         *       "updatedAt": "2026-12-02T12:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            connector: string;
                            createdAt: string;
                            expiresAt: string | null;
                            externalId: string | null;
                            /** @enum {unknown} */
                            health: "yellow" | "green" | "red";
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            parameters: {
                                [key: string]: string;
                            };
                            scheme: string | null;
                            scopes: {
                                granted: string[];
                                requested: string[];
                            };
                            /** @enum {unknown} */
                            status: "configured" | "connected" | "error" | "disconnected";
                            statusReason: string | null;
                            updatedAt: string;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            credentials: {
                                [key: string]: string;
                            } | null;
                            expiresAt: string | null;
                            tokenType: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                [key: string]: unknown;
                            } | null;
                            ok: boolean;
                            reason: string | null;
                            status: number | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connectors: {
                                appConfigured: boolean;
                                /** @description ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server) */
                                appSetup: "ready" | "needed" | "none";
                                authKind: string;
                                authorizeUrl: string | null;
                                clientCertificateSet: boolean;
                                clientOwnership: string;
                                customerSelectsScopes: boolean;
                                defaultScopes: string[];
                                description: string | null;
                                grant: string | null;
                                /** @description The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one */
                                iconUrl: string;
                                issuer: string | null;
                                key: string;
                                name: string;
                                parameters: unknown[];
                                pkce: boolean;
                                redirectUri: string;
                                refreshUrl: string | null;
                                revokeUrl: string | null;
                                schemes: {
                                    clientAuthMethod: string | null;
                                    clientCertificate: string | null;
                                    clientFields: {
                                        clientId: {
                                            docsUrl: string | null;
                                            example: string | null;
                                            helpText: string | null;
                                            label: string | null;
                                        };
                                        clientSecret: {
                                            docsUrl: string | null;
                                            example: string | null;
                                            helpText: string | null;
                                            label: string | null;
                                        };
                                    } | null;
                                    clientOwnership: string | null;
                                    clientRegistration: "static" | "dynamic" | (never | null);
                                    customerSelectsScopes: boolean;
                                    defaultScopes: string[];
                                    grant: string | null;
                                    inputs: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        key: string;
                                        label: string;
                                        pattern: string | null;
                                        patternMessage: string | null;
                                        required: boolean;
                                        type: string;
                                    }[];
                                    key: string;
                                    kind: string;
                                    label: string;
                                    protectedResource: string | null;
                                    redirect: boolean;
                                    scopes: {
                                        description: string;
                                        name: string;
                                    }[];
                                }[];
                                scopeDelimiter: string;
                                scopes: {
                                    actions: {
                                        key: string;
                                        name: string;
                                    }[];
                                    description: string;
                                    name: string;
                                }[];
                                source: string;
                                tokenUrl: string | null;
                                verification: {
                                    identity: string[];
                                    method: string;
                                    path: string;
                                } | null;
                                version: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appConfigured: boolean;
                            /** @description ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server) */
                            appSetup: "ready" | "needed" | "none";
                            authKind: string;
                            authorizeUrl: string | null;
                            clientCertificateSet: boolean;
                            clientOwnership: string;
                            customerSelectsScopes: boolean;
                            defaultScopes: string[];
                            description: string | null;
                            grant: string | null;
                            /** @description The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one */
                            iconUrl: string;
                            issuer: string | null;
                            key: string;
                            name: string;
                            parameters: unknown[];
                            pkce: boolean;
                            redirectUri: string;
                            refreshUrl: string | null;
                            revokeUrl: string | null;
                            schemes: {
                                clientAuthMethod: string | null;
                                clientCertificate: string | null;
                                clientFields: {
                                    clientId: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                    clientSecret: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                } | null;
                                clientOwnership: string | null;
                                clientRegistration: "static" | "dynamic" | (never | null);
                                customerSelectsScopes: boolean;
                                defaultScopes: string[];
                                grant: string | null;
                                inputs: {
                                    docsUrl: string | null;
                                    example: string | null;
                                    helpText: string | null;
                                    key: string;
                                    label: string;
                                    pattern: string | null;
                                    patternMessage: string | null;
                                    required: boolean;
                                    type: string;
                                }[];
                                key: string;
                                kind: string;
                                label: string;
                                protectedResource: string | null;
                                redirect: boolean;
                                scopes: {
                                    description: string;
                                    name: string;
                                }[];
                            }[];
                            scopeDelimiter: string;
                            scopes: {
                                actions: {
                                    key: string;
                                    name: string;
                                }[];
                                description: string;
                                name: string;
                            }[];
                            source: string;
                            tokenUrl: string | null;
                            verification: {
                                identity: string[];
                                method: string;
                                path: string;
                            } | null;
                            version: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appConfigured: boolean;
                            /** @description ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server) */
                            appSetup: "ready" | "needed" | "none";
                            authKind: string;
                            authorizeUrl: string | null;
                            clientCertificateSet: boolean;
                            clientOwnership: string;
                            customerSelectsScopes: boolean;
                            defaultScopes: string[];
                            description: string | null;
                            grant: string | null;
                            /** @description The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one */
                            iconUrl: string;
                            issuer: string | null;
                            key: string;
                            name: string;
                            parameters: unknown[];
                            pkce: boolean;
                            redirectUri: string;
                            refreshUrl: string | null;
                            revokeUrl: string | null;
                            schemes: {
                                clientAuthMethod: string | null;
                                clientCertificate: string | null;
                                clientFields: {
                                    clientId: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                    clientSecret: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                } | null;
                                clientOwnership: string | null;
                                clientRegistration: "static" | "dynamic" | (never | null);
                                customerSelectsScopes: boolean;
                                defaultScopes: string[];
                                grant: string | null;
                                inputs: {
                                    docsUrl: string | null;
                                    example: string | null;
                                    helpText: string | null;
                                    key: string;
                                    label: string;
                                    pattern: string | null;
                                    patternMessage: string | null;
                                    required: boolean;
                                    type: string;
                                }[];
                                key: string;
                                kind: string;
                                label: string;
                                protectedResource: string | null;
                                redirect: boolean;
                                scopes: {
                                    description: string;
                                    name: string;
                                }[];
                            }[];
                            scopeDelimiter: string;
                            scopes: {
                                actions: {
                                    key: string;
                                    name: string;
                                }[];
                                description: string;
                                name: string;
                            }[];
                            source: string;
                            tokenUrl: string | null;
                            verification: {
                                identity: string[];
                                method: string;
                                path: string;
                            } | null;
                            version: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{key}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connector's declared actions, with their input schemas and the scopes each needs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: {
                                description: string | null;
                                input: {
                                    [key: string]: unknown;
                                } | null;
                                key: string;
                                method: string;
                                name: string;
                                output: string | null;
                                pagination: string | null;
                                path: string;
                                scopes: string[];
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{key}/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientCertificate: {
                                /** @description SHA-256 of the DER certificate, as AA:BB:… */
                                fingerprint256: string;
                                issuer: string;
                                /** Format: date-time */
                                notAfter: string;
                                subject: string;
                            } | null;
                            clientId: string | null;
                            overrides: {
                                [key: string]: string;
                            };
                            scopes: string[] | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The client certificate presented for mutual TLS by schemes declaring clientCertificate "app"; write-only (the key is never returned). Omit to keep the stored one, null to remove it. */
                        clientCertificate?: {
                            certificate: string;
                            privateKey: string;
                        } | null;
                        clientId?: string;
                        clientSecret?: string;
                        overrides?: {
                            accessTokenUrl?: string;
                            authorizeUrl?: string;
                            baseUrl?: string;
                            refreshUrl?: string;
                            requestTokenUrl?: string;
                            revokeUrl?: string;
                            tokenUrl?: string;
                        };
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appConfigured: boolean;
                            /** @description ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server) */
                            appSetup: "ready" | "needed" | "none";
                            authKind: string;
                            authorizeUrl: string | null;
                            clientCertificateSet: boolean;
                            clientOwnership: string;
                            customerSelectsScopes: boolean;
                            defaultScopes: string[];
                            description: string | null;
                            grant: string | null;
                            /** @description The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one */
                            iconUrl: string;
                            issuer: string | null;
                            key: string;
                            name: string;
                            parameters: unknown[];
                            pkce: boolean;
                            redirectUri: string;
                            refreshUrl: string | null;
                            revokeUrl: string | null;
                            schemes: {
                                clientAuthMethod: string | null;
                                clientCertificate: string | null;
                                clientFields: {
                                    clientId: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                    clientSecret: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                } | null;
                                clientOwnership: string | null;
                                clientRegistration: "static" | "dynamic" | (never | null);
                                customerSelectsScopes: boolean;
                                defaultScopes: string[];
                                grant: string | null;
                                inputs: {
                                    docsUrl: string | null;
                                    example: string | null;
                                    helpText: string | null;
                                    key: string;
                                    label: string;
                                    pattern: string | null;
                                    patternMessage: string | null;
                                    required: boolean;
                                    type: string;
                                }[];
                                key: string;
                                kind: string;
                                label: string;
                                protectedResource: string | null;
                                redirect: boolean;
                                scopes: {
                                    description: string;
                                    name: string;
                                }[];
                            }[];
                            scopeDelimiter: string;
                            scopes: {
                                actions: {
                                    key: string;
                                    name: string;
                                }[];
                                description: string;
                                name: string;
                            }[];
                            source: string;
                            tokenUrl: string | null;
                            verification: {
                                identity: string[];
                                method: string;
                                path: string;
                            } | null;
                            version: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/openapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        document: {
                            [key: string]: unknown;
                        } | string;
                        key: string;
                        name: string;
                        securityScheme?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appConfigured: boolean;
                            /** @description ready: the tenant's app is set; needed: the app (or its client certificate) must be set before customers can connect; none: no app is needed (customers bring their own client, or it registers itself at the server) */
                            appSetup: "ready" | "needed" | "none";
                            authKind: string;
                            authorizeUrl: string | null;
                            clientCertificateSet: boolean;
                            clientOwnership: string;
                            customerSelectsScopes: boolean;
                            defaultScopes: string[];
                            description: string | null;
                            grant: string | null;
                            /** @description The icon: `/icons/<key>.svg` for a catalog connector, a `data:` URL for a custom one */
                            iconUrl: string;
                            issuer: string | null;
                            key: string;
                            name: string;
                            parameters: unknown[];
                            pkce: boolean;
                            redirectUri: string;
                            refreshUrl: string | null;
                            revokeUrl: string | null;
                            schemes: {
                                clientAuthMethod: string | null;
                                clientCertificate: string | null;
                                clientFields: {
                                    clientId: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                    clientSecret: {
                                        docsUrl: string | null;
                                        example: string | null;
                                        helpText: string | null;
                                        label: string | null;
                                    };
                                } | null;
                                clientOwnership: string | null;
                                clientRegistration: "static" | "dynamic" | (never | null);
                                customerSelectsScopes: boolean;
                                defaultScopes: string[];
                                grant: string | null;
                                inputs: {
                                    docsUrl: string | null;
                                    example: string | null;
                                    helpText: string | null;
                                    key: string;
                                    label: string;
                                    pattern: string | null;
                                    patternMessage: string | null;
                                    required: boolean;
                                    type: string;
                                }[];
                                key: string;
                                kind: string;
                                label: string;
                                protectedResource: string | null;
                                redirect: boolean;
                                scopes: {
                                    description: string;
                                    name: string;
                                }[];
                            }[];
                            scopeDelimiter: string;
                            scopes: {
                                actions: {
                                    key: string;
                                    name: string;
                                }[];
                                description: string;
                                name: string;
                            }[];
                            source: string;
                            tokenUrl: string | null;
                            verification: {
                                identity: string[];
                                method: string;
                                path: string;
                            } | null;
                            version: string;
                        } & {
                            warnings: string[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            error?: string;
                            id: string;
                            result?: unknown;
                            state: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accentColor: string | null;
                            displayName: string | null;
                            embedOrigins: string[];
                            logoUrl: string | null;
                            redirectUrls: string[];
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description #rrggbb for buttons and links, dark enough for white text (contrast at least 4.5:1) */
                        accentColor?: string | null;
                        /** @description The name end customers see in the wizard (default: the tenant name) */
                        displayName?: string | null;
                        /** @description Origins allowed to frame the wizard or open it as a popup (https://app.example.com) */
                        embedOrigins?: string[];
                        /** @description Pages connect sessions may send the customer back to (origin and path; any query) */
                        redirectUrls?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accentColor: string | null;
                            displayName: string | null;
                            embedOrigins: string[];
                            logoUrl: string | null;
                            redirectUrls: string[];
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Uploads the logo the wizard shows (PNG, JPEG, WebP or a self-contained SVG; at most 256 KiB) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accentColor: string | null;
                            displayName: string | null;
                            embedOrigins: string[];
                            logoUrl: string | null;
                            redirectUrls: string[];
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accentColor: string | null;
                            displayName: string | null;
                            embedOrigins: string[];
                            logoUrl: string | null;
                            redirectUrls: string[];
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenants: {
                                createdAt: string;
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: string;
                            id: string;
                            name: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "endpoints": [
                         *         {
                         *           "id": "7c1e0b7a-2f4d-4d7b-8f1e-5b2a9c3d4e6f",
                         *           "url": "https://hooks.example.com/latchkey",
                         *           "events": [
                         *             "connection.connected",
                         *             "connection.failed",
                         *             "connection.recovered"
                         *           ],
                         *           "description": "Production: tell the CRM sync",
                         *           "enabled": true,
                         *           "disabledReason": null,
                         *           "failingSince": null,
                         *           "previousSecretExpiresAt": null,
                         *           "createdAt": "2026-12-01T09:00:00.000Z",
                         *           "updatedAt": "2026-12-01T09:00:00.000Z"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            endpoints: {
                                createdAt: string;
                                description: string | null;
                                disabledReason: string | null;
                                enabled: boolean;
                                events: string[] | null;
                                failingSince: string | null;
                                id: string;
                                previousSecretExpiresAt: string | null;
                                updatedAt: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "url": "https://hooks.example.com/latchkey",
                     *       "events": [
                     *         "connection.connected",
                     *         "connection.failed",
                     *         "connection.recovered"
                     *       ],
                     *       "description": "Production: tell the CRM sync"
                     *     }
                     */
                    "application/json": {
                        description?: string | null;
                        /** @description The event types sent to the endpoint (see api.md); omit or null for every type. */
                        events?: string[] | null;
                        /** @description https (plain http only for a loopback host when private networks are allowed) */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "7c1e0b7a-2f4d-4d7b-8f1e-5b2a9c3d4e6f",
                         *       "url": "https://hooks.example.com/latchkey",
                         *       "events": [
                         *         "connection.connected",
                         *         "connection.failed",
                         *         "connection.recovered"
                         *       ],
                         *       "description": "Production: tell the CRM sync",
                         *       "enabled": true,
                         *       "disabledReason": null,
                         *       "failingSince": null,
                         *       "previousSecretExpiresAt": null,
                         *       "createdAt": "2026-12-01T09:00:00.000Z",
                         *       "updatedAt": "2026-12-01T09:00:00.000Z",
                         *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7VRbOLRA3tU="
                         *     }
                         */
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            events: string[] | null;
                            failingSince: string | null;
                            id: string;
                            previousSecretExpiresAt: string | null;
                            /** @description whsec_…: verify signatures with it (Standard Webhooks); shown once */
                            secret: string;
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "7c1e0b7a-2f4d-4d7b-8f1e-5b2a9c3d4e6f",
                         *       "url": "https://hooks.example.com/latchkey",
                         *       "events": [
                         *         "connection.connected",
                         *         "connection.failed",
                         *         "connection.recovered"
                         *       ],
                         *       "description": "Production: tell the CRM sync",
                         *       "enabled": true,
                         *       "disabledReason": null,
                         *       "failingSince": null,
                         *       "previousSecretExpiresAt": null,
                         *       "createdAt": "2026-12-01T09:00:00.000Z",
                         *       "updatedAt": "2026-12-01T09:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            events: string[] | null;
                            failingSince: string | null;
                            id: string;
                            previousSecretExpiresAt: string | null;
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "enabled": true,
                     *       "events": null
                     *     }
                     */
                    "application/json": {
                        description?: string | null;
                        enabled?: boolean;
                        /** @description The event types sent to the endpoint (see api.md); omit or null for every type. */
                        events?: string[] | null;
                        /** @description https (plain http only for a loopback host when private networks are allowed) */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "7c1e0b7a-2f4d-4d7b-8f1e-5b2a9c3d4e6f",
                         *       "url": "https://hooks.example.com/latchkey",
                         *       "events": [
                         *         "connection.connected",
                         *         "connection.failed",
                         *         "connection.recovered"
                         *       ],
                         *       "description": "Production: tell the CRM sync",
                         *       "enabled": true,
                         *       "disabledReason": null,
                         *       "failingSince": null,
                         *       "previousSecretExpiresAt": null,
                         *       "createdAt": "2026-12-01T09:00:00.000Z",
                         *       "updatedAt": "2026-12-01T09:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            events: string[] | null;
                            failingSince: string | null;
                            id: string;
                            previousSecretExpiresAt: string | null;
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    status?: "pending" | "succeeded" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "deliveries": [
                         *         {
                         *           "id": "0d6f4a8e-93b1-4c2a-b7e5-1f2d3c4b5a69",
                         *           "messageId": "msg_2bX9qLk3vR7tYp1sWm5nHc8d",
                         *           "type": "connection.connected",
                         *           "status": "pending",
                         *           "attempts": 1,
                         *           "nextAttemptAt": "2026-12-01T09:30:35.000Z",
                         *           "lastAttemptAt": "2026-12-01T09:30:30.000Z",
                         *           "lastStatusCode": 503,
                         *           "lastDurationMs": 212,
                         *           "lastError": "the endpoint answered 503: upstream unavailable",
                         *           "createdAt": "2026-12-01T09:30:30.000Z",
                         *           "finishedAt": null
                         *         },
                         *         {
                         *           "id": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                         *           "messageId": "msg_Qw8eR4tY6uI2oP0aS9dF7gHj",
                         *           "type": "connection.created",
                         *           "status": "succeeded",
                         *           "attempts": 1,
                         *           "nextAttemptAt": null,
                         *           "lastAttemptAt": "2026-12-01T09:29:41.000Z",
                         *           "lastStatusCode": 204,
                         *           "lastDurationMs": 48,
                         *           "lastError": null,
                         *           "createdAt": "2026-12-01T09:29:41.000Z",
                         *           "finishedAt": "2026-12-01T09:29:41.000Z"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            deliveries: {
                                attempts: number;
                                createdAt: string;
                                finishedAt: string | null;
                                id: string;
                                lastAttemptAt: string | null;
                                lastDurationMs: number | null;
                                lastError: string | null;
                                lastStatusCode: number | null;
                                /** @description the webhook-id header, the same on every attempt and replay */
                                messageId: string;
                                nextAttemptAt: string | null;
                                status: "pending" | "succeeded" | "failed";
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "0d6f4a8e-93b1-4c2a-b7e5-1f2d3c4b5a69",
                         *       "messageId": "msg_2bX9qLk3vR7tYp1sWm5nHc8d",
                         *       "type": "connection.connected",
                         *       "status": "pending",
                         *       "attempts": 1,
                         *       "nextAttemptAt": "2026-12-01T09:30:35.000Z",
                         *       "lastAttemptAt": "2026-12-01T09:30:30.000Z",
                         *       "lastStatusCode": 503,
                         *       "lastDurationMs": 212,
                         *       "lastError": "the endpoint answered 503: upstream unavailable",
                         *       "createdAt": "2026-12-01T09:30:30.000Z",
                         *       "finishedAt": null
                         *     }
                         */
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            lastAttemptAt: string | null;
                            lastDurationMs: number | null;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            /** @description the webhook-id header, the same on every attempt and replay */
                            messageId: string;
                            nextAttemptAt: string | null;
                            status: "pending" | "succeeded" | "failed";
                            type: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "0d6f4a8e-93b1-4c2a-b7e5-1f2d3c4b5a69",
                         *       "messageId": "msg_2bX9qLk3vR7tYp1sWm5nHc8d",
                         *       "type": "connection.connected",
                         *       "status": "pending",
                         *       "attempts": 1,
                         *       "nextAttemptAt": "2026-12-01T09:30:35.000Z",
                         *       "lastAttemptAt": "2026-12-01T09:30:30.000Z",
                         *       "lastStatusCode": 503,
                         *       "lastDurationMs": 212,
                         *       "lastError": "the endpoint answered 503: upstream unavailable",
                         *       "createdAt": "2026-12-01T09:30:30.000Z",
                         *       "finishedAt": null
                         *     }
                         */
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            lastAttemptAt: string | null;
                            lastDurationMs: number | null;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            /** @description the webhook-id header, the same on every attempt and replay */
                            messageId: string;
                            nextAttemptAt: string | null;
                            status: "pending" | "succeeded" | "failed";
                            type: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "7c1e0b7a-2f4d-4d7b-8f1e-5b2a9c3d4e6f",
                         *       "url": "https://hooks.example.com/latchkey",
                         *       "events": [
                         *         "connection.connected",
                         *         "connection.failed",
                         *         "connection.recovered"
                         *       ],
                         *       "description": "Production: tell the CRM sync",
                         *       "enabled": true,
                         *       "disabledReason": null,
                         *       "failingSince": null,
                         *       "previousSecretExpiresAt": null,
                         *       "createdAt": "2026-12-01T09:00:00.000Z",
                         *       "updatedAt": "2026-12-01T09:00:00.000Z",
                         *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7VRbOLRA3tU="
                         *     }
                         */
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            disabledReason: string | null;
                            enabled: boolean;
                            events: string[] | null;
                            failingSince: string | null;
                            id: string;
                            previousSecretExpiresAt: string | null;
                            /** @description whsec_…: verify signatures with it (Standard Webhooks); shown once */
                            secret: string;
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "0d6f4a8e-93b1-4c2a-b7e5-1f2d3c4b5a69",
                         *       "messageId": "msg_2bX9qLk3vR7tYp1sWm5nHc8d",
                         *       "type": "connection.connected",
                         *       "status": "pending",
                         *       "attempts": 1,
                         *       "nextAttemptAt": "2026-12-01T09:30:35.000Z",
                         *       "lastAttemptAt": "2026-12-01T09:30:30.000Z",
                         *       "lastStatusCode": 503,
                         *       "lastDurationMs": 212,
                         *       "lastError": "the endpoint answered 503: upstream unavailable",
                         *       "createdAt": "2026-12-01T09:30:30.000Z",
                         *       "finishedAt": null
                         *     }
                         */
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            lastAttemptAt: string | null;
                            lastDurationMs: number | null;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            /** @description the webhook-id header, the same on every attempt and replay */
                            messageId: string;
                            nextAttemptAt: string | null;
                            status: "pending" | "succeeded" | "failed";
                            type: string;
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Refused: the error code (docs/api.md lists them), a sentence, and details such as every bad field */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "invalid_request",
                         *         "message": "body.url: must use https",
                         *         "details": [
                         *           {
                         *             "path": "body.url",
                         *             "message": "must use https"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
