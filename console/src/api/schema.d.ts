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
        /** Liveness: the process answers and its database is not lost */
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
                query?: {
                    /** @description true: open a case for this payment whatever the decision (marked manual). */
                    save_as_case?: "true" | "false";
                };
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
                            /** @description Gateway or internal reason text; not empty (as in data contract v1). */
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
                                review_at: number;
                                hold_at: number;
                                block_at: number;
                            };
                            request_digest: string;
                            compute_ms: number;
                            llm_status: string;
                            source: string;
                            /** @description A decision of a merchant in shadow mode: stored for its evaluation, never acted on (no live case, no webhook). */
                            shadow: boolean;
                            case: {
                                case_id: string;
                                status: string;
                                href: string;
                            } | null;
                            /** @description The rules evaluated and their hits; null when the tenant had no enabled rules. */
                            rule_hits: {
                                /** @description The tenant’s rule-set version: it names the exact rule versions evaluated. */
                                rule_set: number;
                                /** @description Rules evaluated. */
                                evaluated: number;
                                /** @description The model’s score before rules. */
                                model_score: number;
                                model_decision: string;
                                /** @description Points live score rules added (before clamping). */
                                points: number;
                                hits: {
                                    rule_id: string;
                                    version: number;
                                    name: string;
                                    /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                                    action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                        /** @description Points added to the 0–1000 risk score before the thresholds. */
                                        score: number;
                                    };
                                    mode: string;
                                    /** @description hit, or error (a run-time failure; it changed nothing). */
                                    outcome: string;
                                    error?: string;
                                }[];
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
        /** Decisions of the last hours (per action over time, latency percentiles, score histogram), the review backlog and SLA breaches, and score drift of the last day */
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
                            /** @description The review queue now, whatever the window. */
                            review_backlog: {
                                /** @description Cases open, in review or escalated now (shadow cases are outside the queue and not counted). */
                                unresolved: number;
                                /** @description Of those, cases past their SLA due time: the SLA breaches. */
                                overdue: number;
                                by_status: {
                                    open: number;
                                    in_review: number;
                                    escalated: number;
                                };
                                /** @description Unresolved cases by hours since they opened, youngest first. */
                                by_age: {
                                    label: string;
                                    from_hours: number;
                                    /** @description Null for the open-ended last bin. */
                                    to_hours: number | null;
                                    cases: number;
                                    overdue: number;
                                }[];
                                oldest_opened_at: string | null;
                                /** @description Minutes from opening to the SLA due time per decision (SENTRA_CASE_SLA_<DECISION>_MINUTES; PASS: cases saved by hand). */
                                sla_minutes: {
                                    BLOCK: number;
                                    HOLD: number;
                                    REVIEW: number;
                                    PASS: number;
                                };
                            };
                            /** @description Score distribution of the last day against the active model’s validation distribution, whatever the window. */
                            drift: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                                /** @description The active model; null when there is none. */
                                model_version: string | null;
                                bin_width: number;
                                /** @description The active model's decisions of the last 24 hours per model-score bin (round(probability × 1000), before rules). */
                                live: {
                                    rows: number;
                                    counts: number[];
                                };
                                /** @description The validation window's model scores recorded in the artifact's metadata.json by sentra train; null when the artifact did not record them (never estimated). */
                                validation: {
                                    rows: number;
                                    counts: number[];
                                } | null;
                                /** @description Population stability index of live against validation; null without both. */
                                psi: number | null;
                                /** @description How to read psi, or why there is no comparison. */
                                note: string;
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
                            role: "service" | "analyst" | "admin";
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
                            /** @description bias + Σ contributions: the trees' log-odds, before any calibration. */
                            margin: number;
                            /** @description The probability the model answers for the stored features: risk_score = round(probability × 1000). Calibrated when the model carries a calibration. */
                            probability: number;
                            /** @description How the margin becomes the probability: null = sigmoid(margin); platt = sigmoid(slope × margin + intercept), so each contribution × slope is its share of the calibrated log-odds; isotonic = a non-decreasing map of sigmoid(margin). Either way a positive contribution never lowers the score. */
                            calibration: {
                                /** @enum {string} */
                                method: "platt";
                                slope: number;
                                intercept: number;
                            } | {
                                /** @enum {string} */
                                method: "isotonic";
                            } | null;
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
                                /** @description kyc_enrichment, or sanctions_rescreen (stored results re-screened after a list import). */
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
                            /** @description kyc_enrichment, or sanctions_rescreen (stored results re-screened after a list import). */
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
                            /** @description ready when every document is analysed and screened against the current lists, pending while one is queued, running or awaiting its re-screen, none without documents. */
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
                                /** @description ready (analysed, screened against the current lists), rescreening (analysed, screened against older lists: its re-screen is queued; its stored findings still count), pending (job queued or running), failed (retrying) or dead (gave up; see the job). */
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
                                /** @description Verbatim quotes of the (masked) document, the entity name, or (kyc_document_facts, a re-screen after the text was deleted) the names read from the document, with start-end spans. */
                                evidence: {
                                    /** @description Where it comes from: model, rule, threshold, kyc. */
                                    source: string;
                                    /** @description The feature, rule or document key. */
                                    key: string;
                                    quote?: string;
                                    span?: string;
                                }[];
                                /** @description The masked document text that kyc_document quotes are spans of, while it is kept (SENTRA_KYC_TEXT_RETENTION_DAYS); null once deleted, or when the document came by doc_hash or doc_s3_url only. */
                                text: string | null;
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
    "/v1/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's audit entries newest first: filters by action, subject and time, cursor pages going older */
        get: {
            parameters: {
                query?: {
                    /** @description Only entries of this action, e.g. `thresholds.updated`. */
                    action?: string;
                    /** @description Only entries about this subject (a token, rule, model version, case, …). */
                    subject?: string;
                    /** @description Entries at or after this time. */
                    from?: string;
                    /** @description Entries before this time. */
                    to?: string;
                    /** @description 1–200, default 50. */
                    limit?: string;
                    /** @description next_cursor of the previous page: entries before this seq. */
                    cursor?: string;
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
                            items: {
                                /** @description Position in the tenant’s chain, from 1. */
                                seq: number;
                                /** Format: date-time */
                                at: string;
                                /** @description Who made the change: a token id, or the CLI or system actor. */
                                actor: string;
                                action: string;
                                subject: string;
                                /** @description What changed, as recorded. */
                                payload: unknown;
                                hash: string;
                                prev_hash: string;
                            }[];
                            /** @description Pass as `cursor` for the next, older page; null on the last page. */
                            next_cursor: string | null;
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
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the tenant's audit chain: every link and hash, the recorded head, and the signed checkpoints (a removed tail is found) */
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
                            ok: boolean;
                            /** @description Entries read up to the first problem (all of them when ok). */
                            entries: number;
                            head: {
                                seq: number;
                                hash: string;
                            } | null;
                            /** @description Signed checkpoints checked, from the table and the checkpoint file. */
                            checkpoints: number;
                            problem: {
                                /** @description sequence, previous_hash, hash, head_mismatch, checkpoint_signature, checkpoint_unreadable, checkpoint_mismatch or missing_tail. */
                                kind: string;
                                /** @description The first broken entry. */
                                seq: number;
                                message: string;
                            } | null;
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
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream the tenant's audit entries of a window as JSONL ending in a summary signed with the installation's key */
        get: {
            parameters: {
                query: {
                    /** @description Entries at or after this time. */
                    from: string;
                    /** @description Entries before this time; default now. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSONL: one line per entry (tenant_id, seq, at, actor, action, subject, payload, prev_hash, hash) in seq order, then one summary line {type: "sentra.audit.export", count, first_seq, last_seq, prev_hash, first_hash, last_hash, exported_at, key_id, signature}. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
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
                        "application/x-ndjson": {
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
                        "application/x-ndjson": {
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
    "/v1/audit/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The installation's audit public key, to check exports and checkpoints offline */
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
                            key_id: string;
                            /** @description Ed25519 public key (SPKI PEM) that checks checkpoints and export summaries: `sentra audit verify --file F --public-key key.pem`. */
                            public_key_pem: string;
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
    "/v1/admin/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's tokens with their last use (never the secret) */
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
                            items: {
                                token_id: string;
                                name: string;
                                /**
                                 * @description service: scores and reads its own decisions; analyst: also works cases and labels; admin: everything.
                                 * @enum {string}
                                 */
                                role: "service" | "analyst" | "admin";
                                /** Format: date-time */
                                created_at: string;
                                /** @description Last authentication, to within the authentication cache lifetime (5 s). */
                                last_used_at: string | null;
                                revoked_at: string | null;
                                /** @description When it stops authenticating; null: until revoked. */
                                expires_at: string | null;
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
        /** Issue a token (service, analyst or admin); the secret is in this answer only */
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
                        /** @description A label for people: who or what uses the token. */
                        name: string;
                        /**
                         * @description service: scores and reads its own decisions; analyst: also works cases and labels; admin: everything.
                         * @enum {string}
                         */
                        role: "service" | "analyst" | "admin";
                        /**
                         * Format: date-time
                         * @description When the credential stops authenticating (after now, at most ten years away); absent: it lives until revoked.
                         */
                        expires_at?: string;
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
                            token_id: string;
                            /** @description The bearer secret. Shown only in this answer; Sentra stores a hash. */
                            token: string;
                            name: string;
                            /**
                             * @description service: scores and reads its own decisions; analyst: also works cases and labels; admin: everything.
                             * @enum {string}
                             */
                            role: "service" | "analyst" | "admin";
                            /** @description When it stops authenticating; null: until revoked. */
                            expires_at: string | null;
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
    "/v1/admin/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token: at once in this process, within 5 s in every other */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token_id: string;
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's model versions, newest first, with their stored metrics and the active one */
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
                            active: {
                                version: string;
                                /** Format: date-time */
                                activated_at: string;
                                activated_by: string;
                            } | null;
                            items: {
                                /** @description Content-derived: metadata name plus a hash of model.json and feature_schema.json. */
                                version: string;
                                /** @description metadata.json `name`. */
                                name: string | null;
                                /** @description True for the version the tenant's payments are scored with. */
                                active: boolean;
                                /** Format: date-time */
                                registered_at: string;
                                /** @description The token id (or CLI actor) that registered it. */
                                registered_by: string;
                                /** @description Its latest activation (audit log); null if never activated. */
                                last_activated_at: string | null;
                                /** @description metadata.json `created_at`, as the trainer wrote it. */
                                trained_at: string | null;
                                /** @description metadata.json `metrics` as stored (validation AUC, average precision, card precision@100, log loss); null when the artifact has none. */
                                metrics: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description metadata.json `validation`: the validation window, its rows and frauds. */
                                validation: {
                                    [key: string]: unknown;
                                } | null;
                                trees: number | null;
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
        /** Register an artifact (model.json's text, feature_schema.json, metadata.json) for the tenant, optionally activating it */
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
                        /** @description The text of model.json (XGBoost JSON), as in the file: the version hashes this text. */
                        model_json: string;
                        /** @description feature_schema.json */
                        feature_schema: {
                            [key: string]: unknown;
                        };
                        /** @description metadata.json */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Also make it the active model (default false). */
                        activate?: boolean;
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
                            /** @description Content-derived: metadata name plus a hash of model.json and feature_schema.json. */
                            version: string;
                            /** @description metadata.json `name`. */
                            name: string | null;
                            /** @description True for the version the tenant's payments are scored with. */
                            active: boolean;
                            /** Format: date-time */
                            registered_at: string;
                            /** @description The token id (or CLI actor) that registered it. */
                            registered_by: string;
                            /** @description Its latest activation (audit log); null if never activated. */
                            last_activated_at: string | null;
                            /** @description metadata.json `created_at`, as the trainer wrote it. */
                            trained_at: string | null;
                            /** @description metadata.json `metrics` as stored (validation AUC, average precision, card precision@100, log loss); null when the artifact has none. */
                            metrics: {
                                [key: string]: unknown;
                            } | null;
                            /** @description metadata.json `validation`: the validation window, its rows and frauds. */
                            validation: {
                                [key: string]: unknown;
                            } | null;
                            trees: number | null;
                            /** @description False when this tenant had already registered the same content (nothing was written). */
                            created: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Content-derived: metadata name plus a hash of model.json and feature_schema.json. */
                            version: string;
                            /** @description metadata.json `name`. */
                            name: string | null;
                            /** @description True for the version the tenant's payments are scored with. */
                            active: boolean;
                            /** Format: date-time */
                            registered_at: string;
                            /** @description The token id (or CLI actor) that registered it. */
                            registered_by: string;
                            /** @description Its latest activation (audit log); null if never activated. */
                            last_activated_at: string | null;
                            /** @description metadata.json `created_at`, as the trainer wrote it. */
                            trained_at: string | null;
                            /** @description metadata.json `metrics` as stored (validation AUC, average precision, card precision@100, log loss); null when the artifact has none. */
                            metrics: {
                                [key: string]: unknown;
                            } | null;
                            /** @description metadata.json `validation`: the validation window, its rows and frauds. */
                            validation: {
                                [key: string]: unknown;
                            } | null;
                            trees: number | null;
                            /** @description False when this tenant had already registered the same content (nothing was written). */
                            created: boolean;
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
    "/v1/admin/models/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version: metadata, metrics, feature importance, and ROC, precision–recall and calibration on its labelled decisions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
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
                            /** @description Content-derived: metadata name plus a hash of model.json and feature_schema.json. */
                            version: string;
                            /** @description metadata.json `name`. */
                            name: string | null;
                            /** @description True for the version the tenant's payments are scored with. */
                            active: boolean;
                            /** Format: date-time */
                            registered_at: string;
                            /** @description The token id (or CLI actor) that registered it. */
                            registered_by: string;
                            /** @description Its latest activation (audit log); null if never activated. */
                            last_activated_at: string | null;
                            /** @description metadata.json `created_at`, as the trainer wrote it. */
                            trained_at: string | null;
                            /** @description metadata.json `metrics` as stored (validation AUC, average precision, card precision@100, log loss); null when the artifact has none. */
                            metrics: {
                                [key: string]: unknown;
                            } | null;
                            /** @description metadata.json `validation`: the validation window, its rows and frauds. */
                            validation: {
                                [key: string]: unknown;
                            } | null;
                            trees: number | null;
                            /** @description metadata.json as registered. */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description The 15 features with the largest total split gain in the model's trees, as shares of the total gain. */
                            feature_importance: {
                                feature: string;
                                share: number;
                            }[];
                            /** @description ROC, precision–recall and calibration on labelled stored decisions of this version; null when it has none with both fraud and legit labels (see curves_note). */
                            curves: {
                                /**
                                 * @description This tenant's stored decisions made by this version whose payment has a fraud or legit label (its latest), the latest 200,000.
                                 * @enum {string}
                                 */
                                source: "labelled_decisions";
                                rows: number;
                                frauds: number;
                                auc: number;
                                average_precision: number;
                                /** @description False positive rate (x) → true positive rate (y), at most ~200 points. */
                                roc: {
                                    x: number;
                                    y: number;
                                }[];
                                /** @description Recall (x) → precision (y). */
                                precision_recall: {
                                    x: number;
                                    y: number;
                                }[];
                                /** @description Ten equal-width probability bins: mean predicted probability against the observed fraud rate. */
                                calibration: {
                                    lower: number;
                                    upper: number;
                                    count: number;
                                    /** @description Null for an empty bin. */
                                    mean_predicted: number | null;
                                    /** @description Null for an empty bin. */
                                    observed_rate: number | null;
                                }[];
                            } | null;
                            /** @description Where the curves come from, or why there are none. */
                            curves_note: string;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/models/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a registered version the tenant's active model (audited; this process scores with it from the next request, every other within 2 s) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
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
                            /** @description Content-derived: metadata name plus a hash of model.json and feature_schema.json. */
                            version: string;
                            /** @description metadata.json `name`. */
                            name: string | null;
                            /** @description True for the version the tenant's payments are scored with. */
                            active: boolean;
                            /** Format: date-time */
                            registered_at: string;
                            /** @description The token id (or CLI actor) that registered it. */
                            registered_by: string;
                            /** @description Its latest activation (audit log); null if never activated. */
                            last_activated_at: string | null;
                            /** @description metadata.json `created_at`, as the trainer wrote it. */
                            trained_at: string | null;
                            /** @description metadata.json `metrics` as stored (validation AUC, average precision, card precision@100, log loss); null when the artifact has none. */
                            metrics: {
                                [key: string]: unknown;
                            } | null;
                            /** @description metadata.json `validation`: the validation window, its rows and frauds. */
                            validation: {
                                [key: string]: unknown;
                            } | null;
                            trees: number | null;
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
    "/v1/admin/datasets/templates/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template of one data contract v1 file: its header (or keys) and one example row, as the validator expects them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A file of data contract v1. */
                    file: "manifest.json" | "transactions.csv" | "transactions.jsonl" | "labels.csv" | "entities.csv" | "kyc_refs.csv";
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
                        "text/csv": string;
                        "application/json": string;
                        "application/x-ndjson": string;
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
    "/v1/admin/datasets/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate an uploaded dataset against data contract v1: every problem counted, the first listed by file:line:column; nothing is written */
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
                        /** @description Each contract file at most once: manifest.json, transactions.csv or .jsonl, and the optional labels.csv, entities.csv, kyc_refs.csv. */
                        files: {
                            /**
                             * @description A file of data contract v1.
                             * @enum {string}
                             */
                            name: "manifest.json" | "transactions.csv" | "transactions.jsonl" | "labels.csv" | "entities.csv" | "kyc_refs.csv";
                            /** @description The whole file as UTF-8 text. */
                            content: string;
                        }[];
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
                            /** @description True when there is no error (warnings allowed): the dataset may be imported. */
                            valid: boolean;
                            /** @description manifest.json's name; null when the manifest is missing or invalid. */
                            dataset_name: string | null;
                            transactions_format: "csv" | "jsonl" | null;
                            /** @description Rows read per tabular file present. */
                            files: {
                                file: string;
                                rows: number;
                                rows_with_errors: number;
                            }[];
                            label_counts: {
                                fraud: number;
                                legit: number;
                            };
                            created_at_range: {
                                /** Format: date-time */
                                first: string;
                                /** Format: date-time */
                                last: string;
                            } | null;
                            error_count: number;
                            warning_count: number;
                            /** @description The first errors, in file order (see listed_limit). */
                            problems: {
                                /** @description SENTRA_DATASET_* (docs/data-contract.md lists every code). */
                                code: string;
                                /** @enum {string} */
                                severity: "error" | "warning";
                                /** @description `file:line:column`: for CSV the column is the 1-based field index, for JSONL and manifest.json the key. */
                                path: string;
                                file: string;
                                line: number;
                                /** @description A 1-based field index (CSV) or a key name (JSONL, manifest.json). */
                                column: string;
                                message: string;
                            }[];
                            /** @description The first warnings. */
                            warnings: {
                                /** @description SENTRA_DATASET_* (docs/data-contract.md lists every code). */
                                code: string;
                                /** @enum {string} */
                                severity: "error" | "warning";
                                /** @description `file:line:column`: for CSV the column is the 1-based field index, for JSONL and manifest.json the key. */
                                path: string;
                                file: string;
                                line: number;
                                /** @description A 1-based field index (CSV) or a key name (JSONL, manifest.json). */
                                column: string;
                                message: string;
                            }[];
                            /** @description Every problem counted by code, including those not listed. */
                            problem_counts_by_code: {
                                [key: string]: number;
                            };
                            /** @description Every problem counted by code, including those not listed. */
                            warning_counts_by_code: {
                                [key: string]: number;
                            };
                            /** @description How many errors (and, separately, warnings) are listed at most; all are counted. */
                            listed_limit: number;
                            duration_ms: number;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/datasets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate and import an uploaded dataset as one ingest run in one transaction (an invalid dataset: 400 SENTRA_ERR_DATASET_INVALID with its problems, nothing written) */
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
                        /** @description Each contract file at most once: manifest.json, transactions.csv or .jsonl, and the optional labels.csv, entities.csv, kyc_refs.csv. */
                        files: {
                            /**
                             * @description A file of data contract v1.
                             * @enum {string}
                             */
                            name: "manifest.json" | "transactions.csv" | "transactions.jsonl" | "labels.csv" | "entities.csv" | "kyc_refs.csv";
                            /** @description The whole file as UTF-8 text. */
                            content: string;
                        }[];
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
                            run_id: string;
                            dataset_name: string;
                            /** @description Hash of the files as imported. */
                            dataset_hash: string;
                            /** @description committed: an import is one transaction, so a failed one leaves no run and no rows. */
                            status: string;
                            /** @description The token id (or `cli:<user>` for `sentra import`) that ran it. */
                            created_by: string;
                            /** Format: date-time */
                            started_at: string;
                            finished_at: string | null;
                            counts: {
                                transactions: {
                                    read: number;
                                    inserted: number;
                                    /** @description Rows already in the store (re-imported), left as they were. */
                                    already_present: number;
                                };
                                labels: {
                                    read: number;
                                    inserted: number;
                                    /** @description Rows already in the store (re-imported), left as they were. */
                                    already_present: number;
                                };
                                entities: {
                                    read: number;
                                    inserted: number;
                                    /** @description Rows already in the store (re-imported), left as they were. */
                                    already_present: number;
                                };
                                kyc_refs: {
                                    read: number;
                                    inserted: number;
                                    /** @description Rows already in the store (re-imported), left as they were. */
                                    already_present: number;
                                };
                            };
                            /** @description Warnings of the validation that preceded the import. */
                            warning_count: number;
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
    "/v1/admin/datasets/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's ingest runs, newest first: when, who, counts per file, outcome */
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
                            /** @description Newest first, the latest 100. */
                            items: {
                                run_id: string;
                                dataset_name: string;
                                /** @description Hash of the files as imported. */
                                dataset_hash: string;
                                /** @description committed: an import is one transaction, so a failed one leaves no run and no rows. */
                                status: string;
                                /** @description The token id (or `cli:<user>` for `sentra import`) that ran it. */
                                created_by: string;
                                /** Format: date-time */
                                started_at: string;
                                finished_at: string | null;
                                counts: {
                                    transactions: {
                                        read: number;
                                        inserted: number;
                                        /** @description Rows already in the store (re-imported), left as they were. */
                                        already_present: number;
                                    };
                                    labels: {
                                        read: number;
                                        inserted: number;
                                        /** @description Rows already in the store (re-imported), left as they were. */
                                        already_present: number;
                                    };
                                    entities: {
                                        read: number;
                                        inserted: number;
                                        /** @description Rows already in the store (re-imported), left as they were. */
                                        already_present: number;
                                    };
                                    kyc_refs: {
                                        read: number;
                                        inserted: number;
                                        /** @description Rows already in the store (re-imported), left as they were. */
                                        already_present: number;
                                    };
                                };
                                /** @description Warnings of the validation that preceded the import. */
                                warning_count: number;
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
    "/v1/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a tenant and its first admin token (admins of the installation tenant only) */
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
                        /** @description Lower-case letters, digits, _ and -; at most 63 characters. */
                        tenant_id: string;
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
                            tenant_id: string;
                            name: string;
                            admin_token: {
                                token_id: string;
                                /** @description The bearer secret. Shown only in this answer; Sentra stores a hash. */
                                token: string;
                                name: string;
                                /**
                                 * @description service: scores and reads its own decisions; analyst: also works cases and labels; admin: everything.
                                 * @enum {string}
                                 */
                                role: "service" | "analyst" | "admin";
                                /** @description When it stops authenticating; null: until revoked. */
                                expires_at: string | null;
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
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's case queue: filters, sort by priority, created or SLA, cursor pages */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated statuses. */
                    status?: string;
                    /** @description Comma-separated decisions. */
                    decision?: string;
                    score_min?: string;
                    score_max?: string;
                    /** @description `me`, `unassigned` or a token id. */
                    assignee?: string;
                    created_from?: string;
                    created_to?: string;
                    merchant_id?: string;
                    receiver_entity_id?: string;
                    sender_entity_id?: string;
                    /** @description Only cases whose payment came with KYC references (true) or without. */
                    has_kyc?: "true" | "false";
                    /** @description Where the KYC/KYB enrichment of the case's sender and receiver stands: none (no document for either), pending (a document without a ready result yet), ready (every document analysed, no signal raised) or flagged (a ready result raised a signal: sanctions, PEP, document or KYB). */
                    kyc_status?: "none" | "pending" | "ready" | "flagged";
                    /** @description true: the shadow cases of merchants in shadow mode, kept apart; false (default): the live queue. */
                    shadow?: "true" | "false";
                    /** @description priority (default, highest first), created (newest first) or sla (soonest due first). */
                    sort?: "priority" | "created" | "sla";
                    /** @description 1–200, default 50. */
                    limit?: string;
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
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
                            items: {
                                case_id: string;
                                tx_id: string;
                                /**
                                 * @description open, in_review, escalated or resolved
                                 * @enum {string}
                                 */
                                status: "open" | "in_review" | "escalated" | "resolved";
                                version: number;
                                decision: string;
                                risk_score: number;
                                /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                                priority: number;
                                /** Format: date-time */
                                sla_due_at: string;
                                assignee: string | null;
                                /** @description Opened by save_as_case=true rather than by an escalated decision. */
                                manual: boolean;
                                amount_usd: number | null;
                                sender_entity_id: string | null;
                                receiver_entity_id: string | null;
                                merchant_id: string | null;
                                has_kyc: boolean;
                                /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                                shadow: boolean;
                                resolution: string | null;
                                resolved_at: string | null;
                                resolved_by: string | null;
                                latest_score_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /**
                                 * @description none, pending, ready or flagged: the KYC/KYB enrichment of the case's parties now (see the kyc_status filter).
                                 * @enum {string}
                                 */
                                kyc_status: "none" | "pending" | "ready" | "flagged";
                            }[];
                            next_cursor: string | null;
                            /** @description Cases per status under every filter except status. */
                            counts: {
                                open: number;
                                in_review: number;
                                escalated: number;
                                resolved: number;
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
    "/v1/cases/{case_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its payment, entities, decisions, related payments, KYC refs, notes, labels and timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
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
                            case: {
                                case_id: string;
                                tx_id: string;
                                /**
                                 * @description open, in_review, escalated or resolved
                                 * @enum {string}
                                 */
                                status: "open" | "in_review" | "escalated" | "resolved";
                                version: number;
                                decision: string;
                                risk_score: number;
                                /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                                priority: number;
                                /** Format: date-time */
                                sla_due_at: string;
                                assignee: string | null;
                                /** @description Opened by save_as_case=true rather than by an escalated decision. */
                                manual: boolean;
                                amount_usd: number | null;
                                sender_entity_id: string | null;
                                receiver_entity_id: string | null;
                                merchant_id: string | null;
                                has_kyc: boolean;
                                /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                                shadow: boolean;
                                resolution: string | null;
                                resolved_at: string | null;
                                resolved_by: string | null;
                                latest_score_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            transaction: {
                                [key: string]: unknown;
                            } | null;
                            entities: {
                                sender: {
                                    [key: string]: unknown;
                                } | null;
                                receiver: {
                                    [key: string]: unknown;
                                } | null;
                            };
                            /** @description Every decision of the transaction, oldest first, with reasons, evidence and thresholds (review_at, hold_at, block_at). */
                            decisions: {
                                [key: string]: unknown;
                            }[];
                            /** @description Payments of the same sender, device and receiver in the 30 days up to this one. */
                            related: {
                                sender: {
                                    tx_id: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    /** @description Decimal string in the payment currency. */
                                    amount: string;
                                    currency: string;
                                    sender_entity_id: string;
                                    receiver_entity_id: string;
                                    status: string;
                                    decision: string | null;
                                    risk_score: number | null;
                                    request_id: string | null;
                                    label: string | null;
                                    label_source: string | null;
                                }[];
                                device: {
                                    tx_id: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    /** @description Decimal string in the payment currency. */
                                    amount: string;
                                    currency: string;
                                    sender_entity_id: string;
                                    receiver_entity_id: string;
                                    status: string;
                                    decision: string | null;
                                    risk_score: number | null;
                                    request_id: string | null;
                                    label: string | null;
                                    label_source: string | null;
                                }[];
                                receiver: {
                                    tx_id: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    /** @description Decimal string in the payment currency. */
                                    amount: string;
                                    currency: string;
                                    sender_entity_id: string;
                                    receiver_entity_id: string;
                                    status: string;
                                    decision: string | null;
                                    risk_score: number | null;
                                    request_id: string | null;
                                    label: string | null;
                                    label_source: string | null;
                                }[];
                            };
                            kyc_refs: {
                                [key: string]: unknown;
                            }[];
                            /** @description Each party's KYC/KYB enrichment as GET /v1/enrichment/{entity_id} answers it (documents, signals, list matches, verified evidence); null for a party without documents. */
                            enrichment: {
                                sender: {
                                    entity_id: string;
                                    /** @description ready when every document is analysed and screened against the current lists, pending while one is queued, running or awaiting its re-screen, none without documents. */
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
                                        /** @description ready (analysed, screened against the current lists), rescreening (analysed, screened against older lists: its re-screen is queued; its stored findings still count), pending (job queued or running), failed (retrying) or dead (gave up; see the job). */
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
                                        /** @description Verbatim quotes of the (masked) document, the entity name, or (kyc_document_facts, a re-screen after the text was deleted) the names read from the document, with start-end spans. */
                                        evidence: {
                                            /** @description Where it comes from: model, rule, threshold, kyc. */
                                            source: string;
                                            /** @description The feature, rule or document key. */
                                            key: string;
                                            quote?: string;
                                            span?: string;
                                        }[];
                                        /** @description The masked document text that kyc_document quotes are spans of, while it is kept (SENTRA_KYC_TEXT_RETENTION_DAYS); null once deleted, or when the document came by doc_hash or doc_s3_url only. */
                                        text: string | null;
                                        /** @description Evidence items of the provider dropped because their quote was not at their span. */
                                        dropped_quotes: number;
                                    }[];
                                } | null;
                                receiver: {
                                    entity_id: string;
                                    /** @description ready when every document is analysed and screened against the current lists, pending while one is queued, running or awaiting its re-screen, none without documents. */
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
                                        /** @description ready (analysed, screened against the current lists), rescreening (analysed, screened against older lists: its re-screen is queued; its stored findings still count), pending (job queued or running), failed (retrying) or dead (gave up; see the job). */
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
                                        /** @description Verbatim quotes of the (masked) document, the entity name, or (kyc_document_facts, a re-screen after the text was deleted) the names read from the document, with start-end spans. */
                                        evidence: {
                                            /** @description Where it comes from: model, rule, threshold, kyc. */
                                            source: string;
                                            /** @description The feature, rule or document key. */
                                            key: string;
                                            quote?: string;
                                            span?: string;
                                        }[];
                                        /** @description The masked document text that kyc_document quotes are spans of, while it is kept (SENTRA_KYC_TEXT_RETENTION_DAYS); null once deleted, or when the document came by doc_hash or doc_s3_url only. */
                                        text: string | null;
                                        /** @description Evidence items of the provider dropped because their quote was not at their span. */
                                        dropped_quotes: number;
                                    }[];
                                } | null;
                            };
                            notes: {
                                at: string;
                                actor: string;
                                text: string;
                            }[];
                            labels: {
                                [key: string]: unknown;
                            }[];
                            effective_label: {
                                source: string;
                                label: string;
                            } | null;
                            timeline: {
                                at: string;
                                kind: string;
                                actor: string;
                                detail: {
                                    [key: string]: unknown;
                                };
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
    "/v1/cases/{case_id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the case to `me`, a token id, or nobody (null) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description `me`, a token id, or null to unassign. */
                        assignee: string | null;
                        /** @description The case version you last saw; a stale one gets 409 with the current version. */
                        version: number;
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
                            case_id: string;
                            tx_id: string;
                            /**
                             * @description open, in_review, escalated or resolved
                             * @enum {string}
                             */
                            status: "open" | "in_review" | "escalated" | "resolved";
                            version: number;
                            decision: string;
                            risk_score: number;
                            /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                            priority: number;
                            /** Format: date-time */
                            sla_due_at: string;
                            assignee: string | null;
                            /** @description Opened by save_as_case=true rather than by an escalated decision. */
                            manual: boolean;
                            amount_usd: number | null;
                            sender_entity_id: string | null;
                            receiver_entity_id: string | null;
                            merchant_id: string | null;
                            has_kyc: boolean;
                            /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                            shadow: boolean;
                            resolution: string | null;
                            resolved_at: string | null;
                            resolved_by: string | null;
                            latest_score_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
    "/v1/cases/{case_id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to the timeline (no version needed: notes never conflict) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
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
                            case_id: string;
                            tx_id: string;
                            /**
                             * @description open, in_review, escalated or resolved
                             * @enum {string}
                             */
                            status: "open" | "in_review" | "escalated" | "resolved";
                            version: number;
                            decision: string;
                            risk_score: number;
                            /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                            priority: number;
                            /** Format: date-time */
                            sla_due_at: string;
                            assignee: string | null;
                            /** @description Opened by save_as_case=true rather than by an escalated decision. */
                            manual: boolean;
                            amount_usd: number | null;
                            sender_entity_id: string | null;
                            receiver_entity_id: string | null;
                            merchant_id: string | null;
                            has_kyc: boolean;
                            /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                            shadow: boolean;
                            resolution: string | null;
                            resolved_at: string | null;
                            resolved_by: string | null;
                            latest_score_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
    "/v1/cases/{case_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an unresolved case to open, in_review or escalated */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description resolved comes only from /resolve.
                         * @enum {string}
                         */
                        status: "open" | "in_review" | "escalated";
                        /** @description The case version you last saw; a stale one gets 409 with the current version. */
                        version: number;
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
                            case_id: string;
                            tx_id: string;
                            /**
                             * @description open, in_review, escalated or resolved
                             * @enum {string}
                             */
                            status: "open" | "in_review" | "escalated" | "resolved";
                            version: number;
                            decision: string;
                            risk_score: number;
                            /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                            priority: number;
                            /** Format: date-time */
                            sla_due_at: string;
                            assignee: string | null;
                            /** @description Opened by save_as_case=true rather than by an escalated decision. */
                            manual: boolean;
                            amount_usd: number | null;
                            sender_entity_id: string | null;
                            receiver_entity_id: string | null;
                            merchant_id: string | null;
                            has_kyc: boolean;
                            /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                            shadow: boolean;
                            resolution: string | null;
                            resolved_at: string | null;
                            resolved_by: string | null;
                            latest_score_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
    "/v1/cases/{case_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve with a verdict (fraud | legit), recorded as the analyst label */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description fraud or legit; recorded as the analyst label of the transaction.
                         * @enum {string}
                         */
                        label: "fraud" | "legit";
                        reason: string;
                        /** @description The case version you last saw; a stale one gets 409 with the current version. */
                        version: number;
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
                            case_id: string;
                            tx_id: string;
                            /**
                             * @description open, in_review, escalated or resolved
                             * @enum {string}
                             */
                            status: "open" | "in_review" | "escalated" | "resolved";
                            version: number;
                            decision: string;
                            risk_score: number;
                            /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                            priority: number;
                            /** Format: date-time */
                            sla_due_at: string;
                            assignee: string | null;
                            /** @description Opened by save_as_case=true rather than by an escalated decision. */
                            manual: boolean;
                            amount_usd: number | null;
                            sender_entity_id: string | null;
                            receiver_entity_id: string | null;
                            merchant_id: string | null;
                            has_kyc: boolean;
                            /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                            shadow: boolean;
                            resolution: string | null;
                            resolved_at: string | null;
                            resolved_by: string | null;
                            latest_score_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
    "/v1/cases/{case_id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The case version you last saw; a stale one gets 409 with the current version. */
                        version: number;
                        reason?: string;
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
                            case_id: string;
                            tx_id: string;
                            /**
                             * @description open, in_review, escalated or resolved
                             * @enum {string}
                             */
                            status: "open" | "in_review" | "escalated" | "resolved";
                            version: number;
                            decision: string;
                            risk_score: number;
                            /** @description risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD). */
                            priority: number;
                            /** Format: date-time */
                            sla_due_at: string;
                            assignee: string | null;
                            /** @description Opened by save_as_case=true rather than by an escalated decision. */
                            manual: boolean;
                            amount_usd: number | null;
                            sender_entity_id: string | null;
                            receiver_entity_id: string | null;
                            merchant_id: string | null;
                            has_kyc: boolean;
                            /** @description Opened by a decision of a merchant in shadow mode: not in the live queue. */
                            shadow: boolean;
                            resolution: string | null;
                            resolved_at: string | null;
                            resolved_by: string | null;
                            latest_score_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
    "/v1/cases/bulk-resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve many cases with one verdict; each is applied or reported with its own error */
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
                        items: {
                            case_id: string;
                            /** @description The case version you last saw; a stale one gets 409 with the current version. */
                            version: number;
                        }[];
                        /**
                         * @description fraud or legit; recorded as the analyst label of the transaction.
                         * @enum {string}
                         */
                        label: "fraud" | "legit";
                        reason: string;
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
                            results: {
                                case_id: string;
                                /**
                                 * @description resolved, or error with the error body of that item
                                 * @enum {string}
                                 */
                                status: "resolved" | "error";
                                version?: number;
                                error?: {
                                    code: string;
                                    message: string;
                                    details: {
                                        code: string;
                                        path: string;
                                        message: string;
                                    }[];
                                };
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
    "/v1/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record labels (JSON array or application/x-ndjson, data contract v1 form); all or nothing */
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
                        /** @description A transaction of this tenant. */
                        tx_id: string;
                        /**
                         * @description fraud or legit
                         * @enum {string}
                         */
                        label: "fraud" | "legit";
                        /**
                         * Format: date-time
                         * @description When the label became known; features use it only from then. Not before the transaction.
                         */
                        labeled_at: string;
                        /**
                         * @description Who says so; decides precedence when sources disagree.
                         * @enum {string}
                         */
                        source: "chargeback" | "analyst" | "partner" | "early_fraud_warning";
                        reason?: string;
                    }[];
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
                            received: number;
                            /** @description New labels stored; the same label sent again is stored once. */
                            written: number;
                            /** @description Transactions whose effective label changed (their live profiles moved). */
                            effective_changes: number;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's rules at their current versions, highest priority first */
        get: {
            parameters: {
                query?: {
                    include_archived?: "true" | "false";
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
                            rules: {
                                rule_id: string;
                                version: number;
                                name: string;
                                description: string;
                                expression: string;
                                /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                                action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                    /** @description Points added to the 0–1000 risk score before the thresholds. */
                                    score: number;
                                };
                                priority: number;
                                mode: string;
                                owner: string | null;
                                tags: string[];
                                created_by: string;
                                created_at: string;
                                enabled: boolean;
                                status: "active" | "archived";
                                updated_at: string;
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
        /** Create a rule (version 1); refused with its position when it does not compile */
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
                        description?: string;
                        /** @description A CEL condition over tx, entities, features, model, lists, signals, custom, sentry and now. */
                        expression: string;
                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                        action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                            /** @description Points added to the 0–1000 risk score before the thresholds. */
                            score: number;
                        };
                        /** @description Higher first; orders reasons and evidence. Default 0. */
                        priority?: number;
                        /** @description shadow: evaluated and stored, never changes a decision. Default live. */
                        mode?: "live" | "shadow";
                        /** @description Default true. */
                        enabled?: boolean;
                        owner?: string;
                        tags?: string[];
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
                            rule_id: string;
                            version: number;
                            name: string;
                            description: string;
                            expression: string;
                            /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                            action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                /** @description Points added to the 0–1000 risk score before the thresholds. */
                                score: number;
                            };
                            priority: number;
                            mode: string;
                            owner: string | null;
                            tags: string[];
                            created_by: string;
                            created_at: string;
                            enabled: boolean;
                            status: "active" | "archived";
                            updated_at: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Backtest a draft rule over stored decisions: hits by decision, labels, precision, fraud caught, review rate, examples */
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
                        expression?: string;
                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                        action?: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                            /** @description Points added to the 0–1000 risk score before the thresholds. */
                            score: number;
                        };
                        rule_id?: string;
                        version?: number;
                        /**
                         * Format: date-time
                         * @description Decisions scored at or after this time.
                         */
                        from: string;
                        /**
                         * Format: date-time
                         * @description Decisions scored before this time.
                         */
                        to: string;
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
                            draft: {
                                rule_id: string | null;
                                version: number | null;
                                expression: string;
                                /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                                action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                    /** @description Points added to the 0–1000 risk score before the thresholds. */
                                    score: number;
                                };
                            };
                            from: string;
                            to: string;
                            /** @description Stored decisions in the range. */
                            evaluated: number;
                            /** @description Decisions on which the expression failed at run time. */
                            errors: number;
                            first_error: string | null;
                            hits: {
                                transactions: number;
                                /** @description Sum of amounts per currency. */
                                amount: {
                                    [key: string]: number;
                                };
                            };
                            /** @description Hits by the decision each would get with the draft in force. */
                            hits_by_decision: {
                                [key: string]: {
                                    transactions: number;
                                    /** @description Sum of amounts per currency. */
                                    amount: {
                                        [key: string]: number;
                                    };
                                };
                            };
                            labels: {
                                fraud: number;
                                legit: number;
                                unlabelled: number;
                            };
                            /** @description fraud / (fraud + legit) among labelled hits. */
                            precision: number | null;
                            /** @description Hits labelled fraud that passed with today’s rules and model and the draft escalates. */
                            fraud_caught_missed_today: number;
                            review_rate: {
                                before: number;
                                after: number;
                                change: number;
                            };
                            decisions_changed: number;
                            examples: {
                                request_id: string | null;
                                tx_id: string;
                                at: string;
                                amount: number;
                                currency: string;
                                stored_decision: string | null;
                                decision_with_rule: string | null;
                                label: string | null;
                                /** @description The decision: GET /v1/decisions/{request_id}. */
                                href: string | null;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rule with every version, newest first */
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
                            rule_id: string;
                            version: number;
                            name: string;
                            description: string;
                            expression: string;
                            /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                            action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                /** @description Points added to the 0–1000 risk score before the thresholds. */
                                score: number;
                            };
                            priority: number;
                            mode: string;
                            owner: string | null;
                            tags: string[];
                            created_by: string;
                            created_at: string;
                            enabled: boolean;
                            status: "active" | "archived";
                            updated_at: string;
                            versions: {
                                version: number;
                                name: string;
                                description: string;
                                expression: string;
                                /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                                action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                    /** @description Points added to the 0–1000 risk score before the thresholds. */
                                    score: number;
                                };
                                priority: number;
                                mode: string;
                                owner: string | null;
                                tags: string[];
                                created_by: string;
                                created_at: string;
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
        /** Edit a rule: creates its next immutable version */
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
                        name: string;
                        description?: string;
                        /** @description A CEL condition over tx, entities, features, model, lists, signals, custom, sentry and now. */
                        expression: string;
                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                        action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                            /** @description Points added to the 0–1000 risk score before the thresholds. */
                            score: number;
                        };
                        /** @description Higher first; orders reasons and evidence. Default 0. */
                        priority?: number;
                        /** @description shadow: evaluated and stored, never changes a decision. Default live. */
                        mode?: "live" | "shadow";
                        /** @description Default true. */
                        enabled?: boolean;
                        owner?: string;
                        tags?: string[];
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
                            rule_id: string;
                            version: number;
                            name: string;
                            description: string;
                            expression: string;
                            /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                            action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                /** @description Points added to the 0–1000 risk score before the thresholds. */
                                score: number;
                            };
                            priority: number;
                            mode: string;
                            owner: string | null;
                            tags: string[];
                            created_by: string;
                            created_at: string;
                            enabled: boolean;
                            status: "active" | "archived";
                            updated_at: string;
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
            };
        };
        post?: never;
        /** Archive a rule: it stops; its versions and audit trail stay */
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
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rule_id: string;
                            version: number;
                            name: string;
                            description: string;
                            expression: string;
                            /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                            action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                /** @description Points added to the 0–1000 risk score before the thresholds. */
                                score: number;
                            };
                            priority: number;
                            mode: string;
                            owner: string | null;
                            tags: string[];
                            created_by: string;
                            created_at: string;
                            enabled: boolean;
                            status: "active" | "archived";
                            updated_at: string;
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a rule (audited; no new version) */
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
                            rule_id: string;
                            version: number;
                            name: string;
                            description: string;
                            expression: string;
                            /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                            action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                /** @description Points added to the 0–1000 risk score before the thresholds. */
                                score: number;
                            };
                            priority: number;
                            mode: string;
                            owner: string | null;
                            tags: string[];
                            created_by: string;
                            created_at: string;
                            enabled: boolean;
                            status: "active" | "archived";
                            updated_at: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a rule (audited; no new version) */
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
                            rule_id: string;
                            version: number;
                            name: string;
                            description: string;
                            expression: string;
                            /** @description BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}. */
                            action: ("BLOCK" | "HOLD" | "REVIEW" | "ALLOW") | {
                                /** @description Points added to the 0–1000 risk score before the thresholds. */
                                score: number;
                            };
                            priority: number;
                            mode: string;
                            owner: string | null;
                            tags: string[];
                            created_by: string;
                            created_at: string;
                            enabled: boolean;
                            status: "active" | "archived";
                            updated_at: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's lists */
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
                            lists: {
                                name: string;
                                kind: string;
                                description: string;
                                /** @description Moves with every change of the entries. */
                                version: number;
                                /** @description Entries not yet expired. */
                                entry_count: number;
                                created_at: string;
                                updated_at: string;
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
        /** Create a named list */
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
                        /** @description Lower-case identifier, as rules use it: lists.<name>. */
                        name: string;
                        kind: "entity_id" | "device_hash" | "ip_hash" | "email_hash" | "card_bin" | "country" | "asn" | "string";
                        description?: string;
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
                            name: string;
                            kind: string;
                            description: string;
                            /** @description Moves with every change of the entries. */
                            version: number;
                            /** @description Entries not yet expired. */
                            entry_count: number;
                            created_at: string;
                            updated_at: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A list with a page of its live entries, by value */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    /** @description 1–1000, default 100. */
                    limit?: string;
                };
                header?: never;
                path: {
                    name: string;
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
                            name: string;
                            kind: string;
                            description: string;
                            /** @description Moves with every change of the entries. */
                            version: number;
                            /** @description Entries not yet expired. */
                            entry_count: number;
                            created_at: string;
                            updated_at: string;
                            entries: {
                                value: string;
                                note: string | null;
                                expires_at: string | null;
                                created_at: string;
                            }[];
                            next_after: string | null;
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
        /** Delete a whole list and its entries (409 while a rule that is not archived names it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                            name: string;
                            deleted_entries: number;
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{name}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add entries (JSON, or text/csv with a value,note,expires_at header), up to 1,000,000; all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entries: {
                            value: string;
                            note?: string;
                            /** Format: date-time */
                            expires_at?: string;
                        }[];
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
                            received: number;
                            written: number;
                            list_version: number;
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
            };
        };
        /** Remove entries by value */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        values: string[];
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
                            deleted: number;
                            list_version: number;
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's merchants */
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
                            items: {
                                /** @description Send as X-Merchant-Id. */
                                merchant_id: string;
                                name: string;
                                /**
                                 * @description live: decisions are acted on; shadow: scored and stored the same, the merchant only compares.
                                 * @enum {string}
                                 */
                                mode: "live" | "shadow";
                                currency: string;
                                /** @description Exact decimal string with 4 decimals. */
                                balance: string;
                                /** @description Exact decimal string with 4 decimals. */
                                overdraft: string;
                                fees: {
                                    /** @description Exact decimal string with 4 decimals. */
                                    SENTRY: string;
                                    /** @description Exact decimal string with 4 decimals. */
                                    EVENTS: string;
                                    /** @description Exact decimal string with 4 decimals. */
                                    PIPELINE: string;
                                };
                                thresholds: {
                                    challenge_at: number;
                                    review_at: number;
                                    deny_at: number;
                                } | null;
                                rate_limit_per_second: number | null;
                                /** @description ISO 3166-1 alpha-2; null: unknown. */
                                country: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
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
        /** Create a merchant (balance 0; top it up before billable calls) */
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
                        /**
                         * @description live: decisions are acted on; shadow: scored and stored the same, the merchant only compares. A new merchant starts in shadow mode unless this says otherwise, and is promoted when its evaluation convinces.
                         * @default shadow
                         * @enum {string}
                         */
                        mode?: "live" | "shadow";
                        /** @description ISO-4217 currency of the balance and fees (default USD). */
                        currency?: string;
                        /** @description How far the balance may go below zero before calls answer 402 (default 0). A decimal string with at most 4 decimals, e.g. "0.0500". */
                        overdraft?: string;
                        fees?: {
                            /** @description Fee per confidence call. A decimal string with at most 4 decimals, e.g. "0.0500". */
                            SENTRY?: string;
                            /** @description Fee per event call. A decimal string with at most 4 decimals, e.g. "0.0500". */
                            EVENTS?: string;
                            /** @description Fee per pipeline call. A decimal string with at most 4 decimals, e.g. "0.0500". */
                            PIPELINE?: string;
                        };
                        thresholds?: {
                            challenge_at: number;
                            review_at: number;
                            deny_at: number;
                        } | null;
                        /** @description Requests per second per key; null: the server default (SENTRA_MERCHANT_RATE_LIMIT). */
                        rate_limit_per_second?: number | null;
                        /** @description The merchant's own country, an assigned ISO 3166-1 alpha-2 code (upper case): the receiver country of its feed payments when the PSP's payload names none. null: unknown (ZZ). */
                        country?: string | null;
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
                            /** @description Send as X-Merchant-Id. */
                            merchant_id: string;
                            name: string;
                            /**
                             * @description live: decisions are acted on; shadow: scored and stored the same, the merchant only compares.
                             * @enum {string}
                             */
                            mode: "live" | "shadow";
                            currency: string;
                            /** @description Exact decimal string with 4 decimals. */
                            balance: string;
                            /** @description Exact decimal string with 4 decimals. */
                            overdraft: string;
                            fees: {
                                /** @description Exact decimal string with 4 decimals. */
                                SENTRY: string;
                                /** @description Exact decimal string with 4 decimals. */
                                EVENTS: string;
                                /** @description Exact decimal string with 4 decimals. */
                                PIPELINE: string;
                            };
                            thresholds: {
                                challenge_at: number;
                                review_at: number;
                                deny_at: number;
                            } | null;
                            rate_limit_per_second: number | null;
                            /** @description ISO 3166-1 alpha-2; null: unknown. */
                            country: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
    "/v1/admin/merchants/{merchant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One merchant with its balance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            /** @description Send as X-Merchant-Id. */
                            merchant_id: string;
                            name: string;
                            /**
                             * @description live: decisions are acted on; shadow: scored and stored the same, the merchant only compares.
                             * @enum {string}
                             */
                            mode: "live" | "shadow";
                            currency: string;
                            /** @description Exact decimal string with 4 decimals. */
                            balance: string;
                            /** @description Exact decimal string with 4 decimals. */
                            overdraft: string;
                            fees: {
                                /** @description Exact decimal string with 4 decimals. */
                                SENTRY: string;
                                /** @description Exact decimal string with 4 decimals. */
                                EVENTS: string;
                                /** @description Exact decimal string with 4 decimals. */
                                PIPELINE: string;
                            };
                            thresholds: {
                                challenge_at: number;
                                review_at: number;
                                deny_at: number;
                            } | null;
                            rate_limit_per_second: number | null;
                            /** @description ISO 3166-1 alpha-2; null: unknown. */
                            country: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
        /** Change name, mode, country, fees, overdraft, thresholds or rate limit */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @description live: decisions are acted on; shadow: scored and stored the same, the merchant only compares.
                         * @enum {string}
                         */
                        mode?: "live" | "shadow";
                        /** @description ISO-4217 currency of the balance and fees (default USD). */
                        currency?: string;
                        /** @description How far the balance may go below zero before calls answer 402 (default 0). A decimal string with at most 4 decimals, e.g. "0.0500". */
                        overdraft?: string;
                        fees?: {
                            /** @description Fee per confidence call. A decimal string with at most 4 decimals, e.g. "0.0500". */
                            SENTRY?: string;
                            /** @description Fee per event call. A decimal string with at most 4 decimals, e.g. "0.0500". */
                            EVENTS?: string;
                            /** @description Fee per pipeline call. A decimal string with at most 4 decimals, e.g. "0.0500". */
                            PIPELINE?: string;
                        };
                        thresholds?: {
                            challenge_at: number;
                            review_at: number;
                            deny_at: number;
                        } | null;
                        /** @description Requests per second per key; null: the server default (SENTRA_MERCHANT_RATE_LIMIT). */
                        rate_limit_per_second?: number | null;
                        /** @description The merchant's own country, an assigned ISO 3166-1 alpha-2 code (upper case): the receiver country of its feed payments when the PSP's payload names none. null: unknown (ZZ). */
                        country?: string | null;
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
                            /** @description Send as X-Merchant-Id. */
                            merchant_id: string;
                            name: string;
                            /**
                             * @description live: decisions are acted on; shadow: scored and stored the same, the merchant only compares.
                             * @enum {string}
                             */
                            mode: "live" | "shadow";
                            currency: string;
                            /** @description Exact decimal string with 4 decimals. */
                            balance: string;
                            /** @description Exact decimal string with 4 decimals. */
                            overdraft: string;
                            fees: {
                                /** @description Exact decimal string with 4 decimals. */
                                SENTRY: string;
                                /** @description Exact decimal string with 4 decimals. */
                                EVENTS: string;
                                /** @description Exact decimal string with 4 decimals. */
                                PIPELINE: string;
                            };
                            thresholds: {
                                challenge_at: number;
                                review_at: number;
                                deny_at: number;
                            } | null;
                            rate_limit_per_second: number | null;
                            /** @description ISO 3166-1 alpha-2; null: unknown. */
                            country: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
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
        trace?: never;
    };
    "/v1/admin/merchants/{merchant_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant's keys with their last use (never the secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            items: {
                                key_id: string;
                                name: string;
                                /** Format: date-time */
                                created_at: string;
                                /** @description Last authentication, to within the authentication cache lifetime (5 s). */
                                last_used_at: string | null;
                                revoked_at: string | null;
                                /** @description When it stops authenticating; null: until revoked. */
                                expires_at: string | null;
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
        /** Issue an API key; the secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * Format: date-time
                         * @description When the credential stops authenticating (after now, at most ten years away); absent: it lives until revoked.
                         */
                        expires_at?: string;
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
                            key_id: string;
                            /** @description Send as X-Api-Key. Shown only in this answer; Sentra stores a hash. */
                            api_key: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description When it stops authenticating; null: until revoked. */
                            expires_at: string | null;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{merchant_id}/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: at once in this process, within 5 s in every other */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                    key_id: string;
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{merchant_id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Top up the prepaid balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Amount to add to the prepaid balance (more than zero). A decimal string with at most 4 decimals, e.g. "0.0500". */
                        amount: string;
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
                            merchant_id: string;
                            currency: string;
                            /** @description Exact decimal string with 4 decimals. */
                            balance: string;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{merchant_id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage lines and totals per service in a time range (JSON, or CSV with format=csv / Accept: text/csv) */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive); default 30 days before `to`. */
                    from?: string;
                    /** @description End (exclusive); default now. */
                    to?: string;
                    /** @description csv: one usage line per row (also with Accept: text/csv). */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    merchant_id: string;
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
                            merchant_id: string;
                            currency: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @description Exact decimal string with 4 decimals. */
                            balance: string;
                            totals: {
                                /** @enum {string} */
                                service: "SENTRY" | "EVENTS" | "PIPELINE";
                                /** @description Calls paid: charges less refunds. */
                                calls: number;
                                /** @description Exact decimal string with 4 decimals. */
                                amount: string;
                            }[];
                            lines: {
                                usage_id: string;
                                /** @enum {string} */
                                kind: "charge" | "refund" | "top_up";
                                service: ("SENTRY" | "EVENTS" | "PIPELINE") | null;
                                reference: string | null;
                                /** @description Exact decimal string with 4 decimals. */
                                amount: string;
                                /** @description Exact decimal string with 4 decimals. */
                                balance_after: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description More than 10,000 lines in the range: narrow it. */
                            truncated: boolean;
                        };
                        "text/csv": string;
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
    "/api/v1/sentry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confidence that a request is legitimate (0–1), billed per call */
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
                        device: {
                            /** @description Client IPv4 or IPv6 address. Used for lookups, then only a keyed hash is stored. Without it signals are reduced (the answer says so in Sentra-Signal-Quality). */
                            ipAddress?: string;
                            /** @description The browser user agent. */
                            userAgent?: string;
                            /** @description The Accept-Language header the client sent. */
                            acceptLanguage?: string;
                            /** @description A stable session identifier. */
                            sessionId?: string;
                            /** @description Age of the session in seconds. */
                            sessionAge?: number;
                        };
                        event?: {
                            /**
                             * @description PURCHASE for a standard checkout (the default); RECURRING_PURCHASE for a renewal.
                             * @enum {string}
                             */
                            type?: "PURCHASE" | "RECURRING_PURCHASE";
                            /** @description The merchant's transaction id; a call repeated with the same id is scored as the same transaction. */
                            transactionId?: string;
                            /**
                             * Format: date-time
                             * @description When the event happened at the merchant (ISO-8601).
                             */
                            timestamp?: string;
                        };
                        order?: {
                            /** @description Amount in currency units. */
                            amount?: number;
                            /** @description ISO-4217 code, upper case. */
                            currency?: string;
                            /** @description Affiliate or referral identifier. */
                            affiliateId?: string;
                            discountCodes?: string[];
                            /** @description The referring page (an http or https URL). */
                            referrerUrl?: string;
                        };
                        account?: {
                            /** @description The merchant's user id; the profile the request is folded into. */
                            userId?: string;
                            /** @description The account name. */
                            username?: string;
                        };
                        cart?: {
                            items: {
                                /** @description Product id. */
                                itemId?: string;
                                /** @description Product category. */
                                category?: string;
                                /** @description Amount in currency units. */
                                price?: number;
                                quantity?: number;
                            }[];
                        };
                        /** @description Merchant-defined signals; values must not be null; at most 16 KB as JSON. */
                        customInputs?: {
                            [key: string]: unknown;
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
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
                        };
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            sentryResponse: {
                                /** @description 0–1, higher = more likely legitimate: 1 − risk_score / 1000. */
                                requestConfidence: number;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
    "/api/v1/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a confidence request through the pipeline stages PreCheck → Sentry → Rules, billed per call */
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
                        /** @description Stages in the order they run, each at most once, Sentry or Rules among them. Default: PreCheck, Sentry, Rules. */
                        stages?: ("PreCheck" | "Sentry" | "Rules")[];
                        device: {
                            /** @description Client IPv4 or IPv6 address. Used for lookups, then only a keyed hash is stored. Without it signals are reduced (the answer says so in Sentra-Signal-Quality). */
                            ipAddress?: string;
                            /** @description The browser user agent. */
                            userAgent?: string;
                            /** @description The Accept-Language header the client sent. */
                            acceptLanguage?: string;
                            /** @description A stable session identifier. */
                            sessionId?: string;
                            /** @description Age of the session in seconds. */
                            sessionAge?: number;
                        };
                        event?: {
                            /**
                             * @description PURCHASE for a standard checkout (the default); RECURRING_PURCHASE for a renewal.
                             * @enum {string}
                             */
                            type?: "PURCHASE" | "RECURRING_PURCHASE";
                            /** @description The merchant's transaction id; a call repeated with the same id is scored as the same transaction. */
                            transactionId?: string;
                            /**
                             * Format: date-time
                             * @description When the event happened at the merchant (ISO-8601).
                             */
                            timestamp?: string;
                        };
                        order?: {
                            /** @description Amount in currency units. */
                            amount?: number;
                            /** @description ISO-4217 code, upper case. */
                            currency?: string;
                            /** @description Affiliate or referral identifier. */
                            affiliateId?: string;
                            discountCodes?: string[];
                            /** @description The referring page (an http or https URL). */
                            referrerUrl?: string;
                        };
                        account?: {
                            /** @description The merchant's user id; the profile the request is folded into. */
                            userId?: string;
                            /** @description The account name. */
                            username?: string;
                        };
                        cart?: {
                            items: {
                                /** @description Product id. */
                                itemId?: string;
                                /** @description Product category. */
                                category?: string;
                                /** @description Amount in currency units. */
                                price?: number;
                                quantity?: number;
                            }[];
                        };
                        /** @description Merchant-defined signals; values must not be null; at most 16 KB as JSON. */
                        customInputs?: {
                            [key: string]: unknown;
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
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
                        };
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
                            isSuccess: boolean;
                            pipelineResponse: {
                                /** @description The stages that ran, in order. */
                                stages: ("PreCheck" | "Sentry" | "Rules")[];
                                /**
                                 * @description The final decision: Rules' when it ran, else the model's and the thresholds'.
                                 * @enum {string}
                                 */
                                decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                preCheckResponse: {
                                    passed: boolean;
                                    listMatches: {
                                        /** @description The list name. */
                                        list: string;
                                        /** @description The identifier found in it (rule name, e.g. user_id). */
                                        field: string;
                                    }[];
                                } | null;
                                sentryResponse: {
                                    /** @description 0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules. */
                                    requestConfidence: number;
                                } | null;
                                rulesResponse: {
                                    /**
                                     * @description PASS, REVIEW, HOLD or BLOCK.
                                     * @enum {string}
                                     */
                                    decision: "PASS" | "REVIEW" | "HOLD" | "BLOCK";
                                    /** @description The engine risk score (0–1000) after rules. */
                                    riskScore: number;
                                    ruleHits: {
                                        ruleId: string;
                                        name: string;
                                        /** @description BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment. */
                                        action: string | {
                                            score: number;
                                        };
                                    }[];
                                    reasons: string[];
                                } | null;
                            } | null;
                            billing: components["schemas"]["def-0"] | null;
                            errors: {
                                /** @description Stable error code, SENTRA_ERR_*. */
                                code: string;
                                /** @description What is wrong at `path`: required, format, type, raw_ip, too_large, … (the code itself when the whole request failed). */
                                reason: string;
                                /** @description JSON pointer of the offending field; empty for the whole request. */
                                path: string;
                                message: string;
                            }[] | null;
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
    "/api/v1/Events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score an event (payment, login, signup, password reset, account update, withdrawal), billed per call */
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
                        /** @description The merchant's user id: the profile the event is folded into (the same profile payments use). */
                        userId: string;
                        /**
                         * @description What the user is doing.
                         * @enum {string}
                         */
                        eventType: "payment_attempt" | "login_attempt" | "signup" | "password_reset" | "account_update" | "withdrawal_attempt";
                        /** @description A stable session identifier. */
                        sessionId?: string;
                        /** @description Client IPv4 or IPv6 address; used for lookups, stored only as a keyed hash. */
                        ipAddress?: string;
                        /** @description The browser user agent. */
                        userAgent?: string;
                        /** @description Where the event happened: Web, iOS, Android, API, … */
                        channel?: string;
                        /** @description WIDTHxHEIGHT in pixels, each 100–20000. */
                        screenResolution?: string;
                        /** @description The browser time zone (IANA name, e.g. Atlantic/Reykjavik). */
                        timezone?: string;
                        /** @description The client platform (Windows, MacIntel, iPhone, …). */
                        platform?: string;
                        /** @description The browser language (BCP 47, e.g. en-US). */
                        language?: string;
                        /** @description Amount of a payment or withdrawal. */
                        amount?: number;
                        /** @description ISO-4217 code of the amount. */
                        currency?: string;
                        /** @description The merchant's order id. */
                        orderId?: string;
                        /** @description A hash of the e-mail address (never the address). */
                        emailHash?: string;
                        /** @description A hash of the phone number (never the number). */
                        phoneHash?: string;
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
                            /** @description UUID of the event; GET /api/v1/Events/{eventId}/details. */
                            eventId: string;
                            riskScore: number;
                            /** @enum {string} */
                            decision: "ALLOW" | "CHALLENGE" | "REVIEW" | "DENY";
                            /** @description How complete the signals behind the answer were: 0.5 + 0.1 per signal present (located IP, user agent, session, device traits, user history). */
                            confidence: number;
                            recommendedActions: {
                                type: string;
                                /** @enum {string} */
                                priority: "HIGH" | "MEDIUM" | "LOW";
                            }[];
                            riskBreakdown: {
                                device: number;
                                geo: number;
                                behavioral: number;
                                ip: number;
                            };
                            triggeredFactors: string[];
                            processingTimeMs: number;
                            /** Format: date-time */
                            processedAt: string;
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
                402: {
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
                429: {
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
    "/api/v1/Events/{eventId}/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the merchant's events with its risk components (another merchant's event is not found) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
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
                            eventId: string;
                            userId: string;
                            eventType: string;
                            riskScore: number;
                            /** @enum {string} */
                            decision: "ALLOW" | "CHALLENGE" | "REVIEW" | "DENY";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            processedAt: string;
                            riskComponents: {
                                /** @enum {string} */
                                component: "DEVICE" | "GEO" | "BEHAVIORAL" | "IP";
                                score: number;
                                details?: {
                                    /** @description Time since this user first used this device at this merchant, as [d.]hh:mm:ss.fffffff. */
                                    deviceAge: string;
                                    /** @description Events of this user from this device at this merchant, this one included. */
                                    accessCount: number;
                                };
                                factors?: string[];
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
                429: {
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
    "/v1/admin/merchants/{merchant_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A merchant's webhook endpoints (never the secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            items: {
                                endpoint_id: string;
                                url: string;
                                events: string[];
                                /** Format: date-time */
                                created_at: string;
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
        /** Register an outbound webhook endpoint of a merchant; the signing secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Where deliveries are POSTed: an https URL whose host is a name or a public IP address, with no user name or password in it. A name that resolves to a loopback, private, link-local or other non-public address is refused when a delivery is sent. SENTRA_WEBHOOK_ALLOW_PRIVATE=true also allows plain http and such addresses. */
                        url: string;
                        /** @description decision.created: a live merchant's feed payment was scored; case.resolved: an analyst resolved the case of one of its payments; enrichment.ready: the KYC/KYB analysis of a document sent with one of its payments is stored. Payloads: docs/api.md, Outbound webhooks. */
                        events: ("decision.created" | "case.resolved" | "enrichment.ready")[];
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
                            endpoint_id: string;
                            url: string;
                            events: string[];
                            /** Format: date-time */
                            created_at: string;
                            /** @description The signing secret of Sentra-Signature; shown once. */
                            secret: string;
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
    "/v1/admin/merchants/{merchant_id}/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant's webhook delivery log, newest first (at most 500) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            items: {
                                delivery_id: string;
                                endpoint_id: string;
                                event_type: string;
                                /** @description pending, delivered or failed (retried with backoff; failed for good once its job is dead). */
                                status: string;
                                attempts: number;
                                last_status_code: number | null;
                                last_error: string | null;
                                /** Format: date-time */
                                created_at: string;
                                delivered_at: string | null;
                                /** @description The body sent: {id, type, created, data}. */
                                payload: unknown;
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
    "/v1/admin/merchants/{merchant_id}/webhooks/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (same id and payload, a fresh signature), audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                    delivery_id: string;
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
                        "application/json": {
                            delivery_id: string;
                            endpoint_id: string;
                            event_type: string;
                            /** @description pending, delivered or failed (retried with backoff; failed for good once its job is dead). */
                            status: string;
                            attempts: number;
                            last_status_code: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            delivered_at: string | null;
                            /** @description The body sent: {id, type, created, data}. */
                            payload: unknown;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{merchant_id}/feeds/{psp}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the webhook secrets of a merchant's PSP feed (several valid at once; stored encrypted, never shown again) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                    /** @description stripe, adyen or checkout */
                    psp: "stripe" | "adyen" | "checkout";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The webhook secrets of this merchant's endpoint at the PSP, all valid at once (the new one and the old one during a rotation). Stripe: the endpoint's signing secret (whsec_…); Adyen: the HMAC key (hex); Checkout.com: the webhook signature key. Stored encrypted, never shown again. */
                        secrets: string[];
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
                            merchant_id: string;
                            /**
                             * @description stripe, adyen or checkout
                             * @enum {string}
                             */
                            psp: "stripe" | "adyen" | "checkout";
                            secret_count: number;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description The path to give the PSP as the webhook URL (after this server's public address). */
                            receiver_path: string;
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{merchant_id}/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant's PSP feeds with secrets set: PSP, number of secrets, last change, receiver path (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            items: {
                                merchant_id: string;
                                /**
                                 * @description stripe, adyen or checkout
                                 * @enum {string}
                                 */
                                psp: "stripe" | "adyen" | "checkout";
                                secret_count: number;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description The path to give the PSP as the webhook URL (after this server's public address). */
                                receiver_path: string;
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
    "/v1/admin/merchants/{merchant_id}/feeds/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant's feed inbox: every received event with its status, decision, PSP verdict and error */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "waiting" | "processed" | "duplicate" | "failed";
                    tx_id?: string;
                    /** @description At most this many events, newest event time first (default 100, at most 1000). */
                    limit?: string;
                };
                header?: never;
                path: {
                    merchant_id: string;
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
                            items: {
                                id: string;
                                /** @description stripe, adyen, checkout or generic */
                                psp: string;
                                /** @description The PSP's own event id. */
                                event_id: string;
                                event_type: string;
                                /** Format: date-time */
                                event_time: string;
                                /** @description transaction, label or other */
                                kind: string;
                                tx_id: string | null;
                                /** @description The amount as Sentra read it, in major units of currency (minor units divided by the currency exponent the PSP uses). */
                                amount: number | null;
                                currency: string | null;
                                /** @description pending, waiting (a label before its payment), processed, duplicate (the payment was scored from another event) or failed */
                                status: string;
                                /** @description The decision a transaction was scored into. */
                                decision_id: string | null;
                                psp_verdict: {
                                    score: number | null;
                                    level: string | null;
                                    flagged: boolean;
                                } | null;
                                error: string | null;
                                /** Format: date-time */
                                received_at: string;
                                processed_at: string | null;
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
    "/v1/feeds/stripe/{merchant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stripe webhook receiver: Stripe-Signature (t=…,v1=…) is HMAC-SHA256 under an endpoint secret over "t.rawBody", within 300 s */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            /** @description Events in the delivery. */
                            received: number;
                            /** @description Events new to the inbox; scoring follows behind. */
                            stored: number;
                            /** @description Events the inbox already had (a retry or replay): nothing changed. */
                            duplicates: number;
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
    "/v1/feeds/checkout/{merchant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checkout.com webhook receiver: Cko-Signature is the hex HMAC-SHA256 of the raw body under the webhook signature key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            /** @description Events in the delivery. */
                            received: number;
                            /** @description Events new to the inbox; scoring follows behind. */
                            stored: number;
                            /** @description Events the inbox already had (a retry or replay): nothing changed. */
                            duplicates: number;
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
    "/v1/feeds/adyen/{merchant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adyen standard notifications: every item carries additionalData.hmacSignature (base64 HMAC-SHA256, hex key); answers [accepted] */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description [accepted] */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
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
    "/v1/feeds/{merchant_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generic feed: JSON Lines of data contract v1 transactions and labels ({"type":"transaction",…} / {"type":"label",…}), idempotent per transaction and label */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            /** @description Events in the delivery. */
                            received: number;
                            /** @description Events new to the inbox; scoring follows behind. */
                            stored: number;
                            /** @description Events the inbox already had (a retry or replay): nothing changed. */
                            duplicates: number;
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
                429: {
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
    "/v1/merchants/{merchant_id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evaluation of a merchant's feed over a window: fraud caught, false positives, review rate, precision/recall per threshold, chargebacks avoided, score distribution, PR curve, against the PSP's verdict (JSON, CSV or HTML) */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the window (payment time, inclusive); default 50 days before `to`. */
                    from?: string;
                    /** @description End of the window (exclusive); default now. */
                    to?: string;
                    /** @description json (default), csv, or html: a self-contained page. Accept: text/csv or text/html does the same. */
                    format?: "json" | "csv" | "html";
                };
                header?: never;
                path: {
                    merchant_id: string;
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
                            merchant_id: string;
                            merchant_name: string;
                            /** @description The merchant's mode now: shadow or live. */
                            mode: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /**
                             * Format: date-time
                             * @description Labels known at this time count, including those that arrived after the window.
                             */
                            generated_at: string;
                            thresholds: {
                                review_at: number;
                                hold_at: number;
                                block_at: number;
                                /** @description merchant (its own) or tenant. */
                                source: string;
                            };
                            /** @description Promotions to live and demotions to shadow, oldest first. */
                            mode_changes: {
                                mode: string;
                                /** Format: date-time */
                                changed_at: string;
                            }[];
                            totals: {
                                /** @description Feed payments created in the window, each with its first feed decision. */
                                payments: number;
                                /** @description Of which scored while the merchant was in shadow mode. */
                                shadow_payments: number;
                                /** @description Payments whose effective label is fraud. */
                                fraud: number;
                                fraud_usd: number;
                                /** @description Fraud chargebacks reported by the feed on these payments. */
                                chargeback_usd: number;
                            };
                            operating_points: {
                                /** @description review_at, hold_at, block_at (the thresholds in force) or alternative_<cutoff>. */
                                name: string;
                                cutoff: number;
                                /** @description Payments at or above the cut-off (reviewed or stopped). */
                                flagged: number;
                                /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                review_rate: number | null;
                                fraud_caught: number;
                                fraud_caught_usd: number;
                                /** @description Flagged payments not labelled fraud. */
                                false_positives: number;
                                /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                precision: number | null;
                                /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                recall: number | null;
                                /** @description Fraud chargebacks (USD) on flagged payments: what flagging them would have avoided. */
                                chargeback_avoided_usd: number;
                            }[];
                            score_distribution: {
                                from: number;
                                to: number;
                                payments: number;
                                fraud: number;
                            }[];
                            precision_recall: {
                                cutoff: number;
                                flagged: number;
                                /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                precision: number | null;
                                /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                recall: number | null;
                            }[];
                            psp_comparison: {
                                /** @description Payments the PSP gave a verdict on. */
                                payments: number;
                                psp: {
                                    /** @description Payments at or above the cut-off (reviewed or stopped). */
                                    flagged: number;
                                    /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                    review_rate: number | null;
                                    fraud_caught: number;
                                    fraud_caught_usd: number;
                                    /** @description Flagged payments not labelled fraud. */
                                    false_positives: number;
                                    /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                    precision: number | null;
                                    /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                    recall: number | null;
                                    /** @description Fraud chargebacks (USD) on flagged payments: what flagging them would have avoided. */
                                    chargeback_avoided_usd: number;
                                };
                                /** @description Sentra at the review threshold on the same payments. */
                                sentra: {
                                    /** @description Payments at or above the cut-off (reviewed or stopped). */
                                    flagged: number;
                                    /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                    review_rate: number | null;
                                    fraud_caught: number;
                                    fraud_caught_usd: number;
                                    /** @description Flagged payments not labelled fraud. */
                                    false_positives: number;
                                    /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                    precision: number | null;
                                    /** @description A fraction 0–1; null when undefined (nothing to divide by). */
                                    recall: number | null;
                                    /** @description Fraud chargebacks (USD) on flagged payments: what flagging them would have avoided. */
                                    chargeback_avoided_usd: number;
                                };
                            } | null;
                        };
                        "text/csv": string;
                        "text/html": string;
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
    "/v1/merchants/{merchant_id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Promote a shadow merchant to live: the same endpoints, keys and feed secrets now act (audited; the date is in the evaluation report) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            merchant_id: string;
                            mode: string;
                            /** Format: date-time */
                            changed_at: string;
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
    "/v1/merchants/{merchant_id}/demote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Demote a live merchant back to shadow (audited; the date is in the evaluation report) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    merchant_id: string;
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
                            merchant_id: string;
                            mode: string;
                            /** Format: date-time */
                            changed_at: string;
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Billing */
        "def-0": {
            items: {
                /** @description SENTRY, EVENTS or PIPELINE. */
                feeType: string;
                fee: {
                    /** @description The merchant's currency. */
                    currency: string;
                    /** @description Exact to 4 decimals (held as integer units of 1/10,000). */
                    amount: number;
                };
                completed: boolean;
            }[];
            remainingBalance: {
                /** @description The merchant's currency. */
                currency: string;
                /** @description Exact to 4 decimals (held as integer units of 1/10,000). */
                amount: number;
            };
            amountAuthorized: {
                /** @description The merchant's currency. */
                currency: string;
                /** @description Exact to 4 decimals (held as integer units of 1/10,000). */
                amount: number;
            };
            amountClosed: {
                /** @description The merchant's currency. */
                currency: string;
                /** @description Exact to 4 decimals (held as integer units of 1/10,000). */
                amount: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
