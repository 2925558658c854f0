// Generated from the server's /openapi.json by `npm run console:api`. Do not edit.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
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
        /** Liveness: the process answers */
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
                            status: string;
                            checks: {
                                [key: string]: boolean;
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
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and model loaded */
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
                            status: string;
                            checks: {
                                [key: string]: boolean;
                            };
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
                            status: string;
                            checks: {
                                [key: string]: boolean;
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
    "/v1/risk/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score a payment: risk score 0–1000, decision, reasons, evidence */
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
                        transaction: {
                            /** @description Stable transaction identifier from the payment platform. */
                            tx_id: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 timestamp with a time zone.
                             */
                            created_at: string;
                            /** @description Non-negative number, or a decimal string such as "12.50". */
                            amount: number | string;
                            /** @description ISO-4217 currency code, upper case. */
                            currency: string;
                            /**
                             * @description Money direction.
                             * @enum {string}
                             */
                            direction: "pay_in" | "pay" | "pay_out" | "payout";
                            /**
                             * @description Payment channel.
                             * @enum {string}
                             */
                            channel: "card" | "bank_transfer" | "wallet" | "crypto_offramp" | "spei" | "net_banking" | "nequi" | "pix" | "oxxo_pay" | "cash";
                            /**
                             * @description Payment service provider.
                             * @enum {string}
                             */
                            psp: "stripe" | "adyen" | "checkout" | "airwallex" | "todaypay" | "vamospago" | "partner";
                            /** @description Internal route or corridor identifier. */
                            route_id: string;
                            /**
                             * @description Gateway status.
                             * @enum {string}
                             */
                            status: "completed" | "success" | "approved" | "pending" | "failed" | "error" | "refunded";
                            /** @description Gateway or internal reason text. */
                            status_reason: string;
                            /** @description Non-negative number, or a decimal string such as "12.50". */
                            fee_total: number | string;
                            /** @description Units of USD per unit of currency; number or decimal string. */
                            fx_rate?: number | string;
                        };
                        entities: {
                            /** @description User identifier. */
                            user_id?: string;
                            /** @description Merchant identifier. */
                            merchant_id?: string;
                            /** @description Sender / user entity identifier. */
                            sender_entity_id: string;
                            /** @description Receiver / merchant entity identifier. */
                            receiver_entity_id: string;
                            /** @description ISO-3166 alpha-2 country code, upper case. */
                            sender_country: string;
                            /** @description ISO-3166 alpha-2 country code, upper case. */
                            receiver_country: string;
                            /** @description Hashed IP; never a raw IP address. */
                            ip_hash?: string;
                            /** @description Hashed device id. */
                            device_id_hash?: string;
                        };
                        kyc_refs?: {
                            /** @description Entity the document belongs to. */
                            entity_id: string;
                            doc_hash?: string;
                            doc_s3_url?: string;
                            text_blob?: string;
                        }[];
                        /** @description Model features available online, aligned by name to the active model. */
                        feature_overrides?: {
                            [key: string]: number;
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
                        "application/json": {
                            risk_score: number;
                            /**
                             * @description Decision action.
                             * @enum {string}
                             */
                            decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                            /** @description Stable reason codes, strongest first. */
                            reasons: string[];
                            evidence: {
                                /** @description Where it comes from: model, rule, threshold, kyc. */
                                source: string;
                                /** @description The feature, rule or document key. */
                                key: string;
                                quote?: string;
                                span?: string;
                            }[];
                            model_version: string;
                            llm_version: string;
                            /** @description Decision reference id; GET /v1/decisions/{request_id}. */
                            request_id: string;
                            latency_ms: number;
                            /** @enum {string} */
                            llm_status: "pending" | "ready";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
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
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/decisions/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored record of a decision: request digest, features, reasons, model, case link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    request_id: string;
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
                            request_id: string;
                            tx_id: string;
                            scored_at: string;
                            risk_score: number;
                            probability: number;
                            decision: string;
                            reasons: string[];
                            evidence: {
                                source: string;
                                key: string;
                                quote?: string;
                                span?: string;
                            }[];
                            features: {
                                [key: string]: number | null;
                            };
                            model_version: string;
                            thresholds: {
                                reviewAt: number;
                                holdAt: number;
                                blockAt: number;
                            };
                            request_digest: string;
                            compute_ms: number;
                            llm_status: string;
                            source: string;
                            case: {
                                case_id: string;
                                status: string;
                                href: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/admin/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's decision thresholds */
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
                            review_at: number;
                            hold_at: number;
                            block_at: number;
                            updated_at: string | null;
                            updated_by: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Change the decision thresholds (effective for the next request) */
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
                        review_at: number;
                        hold_at: number;
                        block_at: number;
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
                            review_at: number;
                            hold_at: number;
                            block_at: number;
                            updated_at: string | null;
                            updated_by: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/admin/thresholds/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview thresholds on the stored decisions and labels of the last days (reads only) */
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
                        review_at: number;
                        hold_at: number;
                        block_at: number;
                        /** @description Window in days; 30 when absent. */
                        days?: number;
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
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            decisions: number;
                            labelled_fraud: number;
                            labelled_legit: number;
                            current: {
                                thresholds: {
                                    review_at: number;
                                    hold_at: number;
                                    block_at: number;
                                };
                                counts: {
                                    PASS: number;
                                    REVIEW: number;
                                    HOLD: number;
                                    BLOCK: number;
                                };
                                review_rate: number | null;
                                /** @description Decisions labelled fraud that would not PASS. */
                                fraud_caught: number;
                                fraud_caught_rate: number | null;
                                /** @description Decisions labelled legit that would not PASS. */
                                legit_flagged: number;
                            };
                            proposed: {
                                thresholds: {
                                    review_at: number;
                                    hold_at: number;
                                    block_at: number;
                                };
                                counts: {
                                    PASS: number;
                                    REVIEW: number;
                                    HOLD: number;
                                    BLOCK: number;
                                };
                                review_rate: number | null;
                                /** @description Decisions labelled fraud that would not PASS. */
                                fraud_caught: number;
                                fraud_caught_rate: number | null;
                                /** @description Decisions labelled legit that would not PASS. */
                                legit_flagged: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decisions of the last hours: per action over time, latency percentiles, score histogram */
        get: {
            parameters: {
                query?: {
                    /** @description Window ending now, in whole hours from 1 to 720; 24 when absent. */
                    hours?: string;
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
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @description Width of a decisions bucket: an hour up to 2 days, else a day. */
                            bucket_seconds: number;
                            total: number;
                            /** @description Buckets that hold at least one decision, oldest first. */
                            decisions_over_time: {
                                /** Format: date-time */
                                bucket_start: string;
                                PASS: number;
                                REVIEW: number;
                                HOLD: number;
                                BLOCK: number;
                            }[];
                            /** @description Stored compute latency of the decisions. */
                            latency_ms: {
                                p50: number | null;
                                p95: number | null;
                                p99: number | null;
                            };
                            score_histogram: {
                                bin_width: number;
                                /** @description Decisions per risk-score bin from 0; the last bin includes 1000. */
                                counts: number[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling token's tenant, id and role */
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
                            tenant_id: string;
                            token_id: string;
                            /** @enum {string} */
                            role: "analyst" | "admin";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/decisions/{request_id}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which features pushed a stored decision's model score up or down (TreeSHAP) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    request_id: string;
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
                            request_id: string;
                            model_version: string;
                            /** @description The model's expected margin (log-odds) over its training data. */
                            bias: number;
                            /** @description bias + Σ contributions: the log-odds of the model probability. */
                            margin: number;
                            /** @description Every feature with a non-zero contribution, strongest (absolute value) first. */
                            contributions: {
                                feature: string;
                                /** @description The value the model saw; null = missing. */
                                value: number | null;
                                /** @description TreeSHAP contribution to the margin; positive raises the score. */
                                contribution: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's background jobs (KYC enrichment), newest first, optionally of one status */
        get: {
            parameters: {
                query?: {
                    /** @description queued, running, failed (waiting for a retry), done or dead (dead-lettered). */
                    status?: "queued" | "running" | "failed" | "done" | "dead";
                    /** @description Most jobs returned, newest first. */
                    limit?: number;
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
                        "application/json": {
                            jobs: {
                                id: string;
                                /** @description kyc_enrichment. */
                                kind: string;
                                /**
                                 * @description queued, running, failed (waiting for a retry), done or dead (dead-lettered).
                                 * @enum {string}
                                 */
                                status: "queued" | "running" | "failed" | "done" | "dead";
                                /** @description Attempts started so far. */
                                attempts: number;
                                /** @description When a queued/failed job runs next; for a running job, when its lease expires. */
                                run_after: string;
                                last_error: string | null;
                                payload: unknown;
                                created_at: string;
                                updated_at: string;
                                started_at: string | null;
                                finished_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/admin/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a failed or dead-lettered job back to the queue with a fresh attempt budget */
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
                            id: string;
                            /** @description kyc_enrichment. */
                            kind: string;
                            /**
                             * @description queued, running, failed (waiting for a retry), done or dead (dead-lettered).
                             * @enum {string}
                             */
                            status: "queued" | "running" | "failed" | "done" | "dead";
                            /** @description Attempts started so far. */
                            attempts: number;
                            /** @description When a queued/failed job runs next; for a running job, when its lease expires. */
                            run_after: string;
                            last_error: string | null;
                            payload: unknown;
                            created_at: string;
                            updated_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
    "/v1/enrichment/{entity_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entity's KYC/KYB enrichment: per document status, provider, signals, list matches and verified evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entity_id: string;
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
                            entity_id: string;
                            /** @description ready when every document is analysed, pending while one is queued or running, none without documents. */
                            status: string;
                            /** @description signals.kyc.* over all ready documents (what rules and the next score see). */
                            signals: {
                                [key: string]: unknown;
                            } | null;
                            documents: {
                                /** @description doc_hash, or SHA-256 of the URL or text: the cache key. */
                                ref_key: string;
                                doc_hash: string | null;
                                doc_s3_url: string | null;
                                /** @description ready (analysed), pending (job queued or running), failed (retrying) or dead (gave up; see the job). */
                                status: string;
                                job_id: string | null;
                                last_error: string | null;
                                provider: string | null;
                                llm_version: string | null;
                                analysed_at: string | null;
                                /** @description Signal booleans, sanctions_score, flags. */
                                signals: {
                                    [key: string]: unknown;
                                } | null;
                                matches: {
                                    /** @description sanctions or pep. */
                                    list: string;
                                    entry_id: string;
                                    entry_name: string;
                                    /** @description The list spelling (name or alias) that matched. */
                                    matched_name: string;
                                    dataset: string;
                                    sanctions: string;
                                    /** @description The name as written in the document or the entity record. */
                                    screened_name: string;
                                    score: number;
                                }[];
                                /** @description Verbatim quotes of the (masked) document or the entity name, with start-end spans. */
                                evidence: {
                                    /** @description Where it comes from: model, rule, threshold, kyc. */
                                    source: string;
                                    /** @description The feature, rule or document key. */
                                    key: string;
                                    quote?: string;
                                    span?: string;
                                }[];
                                /** @description Evidence items of the provider dropped because their quote was not at their span. */
                                dropped_quotes: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                message: string;
                                request_id?: string;
                                details: {
                                    /** @description Problem code, e.g. required, enum, type, format. */
                                    code: string;
                                    /** @description JSON pointer of the offending field. */
                                    path: string;
                                    message: string;
                                }[];
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
