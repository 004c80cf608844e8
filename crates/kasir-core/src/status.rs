//! One view of a payment whatever the PSP: its status and what the shopper must do next.

use crate::catalogue::Psp;
use crate::time::parse_rfc3339_ms;
use crate::view::{form_fields, JsonView};

/// Where a payment stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentStatus {
    /// Waiting for the shopper or the provider.
    Pending,
    /// Paid.
    Succeeded,
    /// Declined or failed.
    Failed {
        /// The provider's failure code.
        code: String,
        /// The provider's message.
        message: String,
    },
    /// Not paid in time.
    Expired,
    /// Canceled by the merchant or shopper.
    Canceled,
}

/// HTTP method of a redirect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectMethod {
    /// Navigate (body as query string).
    Get,
    /// Submit a form.
    Post,
}

/// Whether `psp`'s answers can ask for a POST redirect: only ecommpay's `redirect_data` has a
/// method (Opn's `authorize_uri` and WooshPay's `redirect_to_url` are followed with GET). A
/// `const fn`, so that a build without such a PSP leaves the form code out.
pub const fn posts_redirects(psp: Psp) -> bool {
    matches!(psp, Psp::Ecommpay)
}

/// What the shopper has to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextAction {
    /// Scan a QR code.
    ShowQr {
        /// An image of the code (Opn `download_uri`).
        image_url: Option<String>,
        /// The text to encode, when the provider gives it.
        payload: Option<String>,
        /// When the code stops working (Unix ms), from the provider's own `expires_at`.
        expires_at_ms: Option<i64>,
    },
    /// Go to the provider's page.
    Redirect {
        /// Where.
        url: String,
        /// How.
        method: RedirectMethod,
        /// Form fields (POST) or query parameters (GET), flattened with bracket names.
        fields: Vec<(String, String)>,
    },
    /// Nothing; wait.
    None,
}

/// A payment interpreted from a PSP object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// The provider's id of the object (charge id, intent id, ecommpay payment id).
    pub id: String,
    /// Its status.
    pub status: PaymentStatus,
    /// What the shopper does next.
    pub next_action: NextAction,
}

/// A PSP object Kasir cannot interpret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InterpretError {
    /// The object is an error object from the PSP.
    #[error("{}", self.message())]
    PspError {
        /// provider
        psp: &'static str,
        /// its code
        code: String,
        /// its message
        message: String,
    },
    /// The object is not of a kind this PSP returns for a payment.
    #[error("{}", self.message())]
    Unexpected {
        /// provider
        psp: &'static str,
        /// what was found
        what: String,
    },
}

/// A WooshPay `next_action` that shows a QR (`{method}_display_qr_code`, Stripe's shape:
/// `image_url_svg` / `image_url_png`, `data`, `expires_at` in Unix seconds).
fn wooshpay_qr<V: JsonView>(na: &V) -> Option<NextAction> {
    let t = na
        .str_at(&["type"])
        .filter(|t| t.ends_with("_display_qr_code"))?;
    let t = t.as_str();
    Some(NextAction::ShowQr {
        image_url: na
            .str_at(&[t, "image_url_svg"])
            .or_else(|| na.str_at(&[t, "image_url_png"])),
        payload: na.str_at(&[t, "data"]),
        expires_at_ms: na
            .i64_at(&[t, "expires_at"])
            .and_then(|s| s.checked_mul(1000)),
    })
}

/// Interpret whatever a merchant hook or a PSP returned.
pub fn interpret<V: JsonView>(psp: Psp, obj: &V) -> Result<Payment, InterpretError> {
    match psp {
        Psp::Omise => interpret_omise(obj),
        Psp::Wooshpay => interpret_wooshpay(obj),
        Psp::Ecommpay => interpret_ecommpay(obj),
    }
}

impl InterpretError {
    /// What went wrong, in words (its `Display`), built without `core::fmt` for the widget.
    pub fn message(&self) -> String {
        match self {
            InterpretError::PspError { psp, code, message } => {
                [psp, " error ", code, ": ", message].concat()
            }
            InterpretError::Unexpected { psp, what } => {
                ["unexpected ", psp, " object: ", what].concat()
            }
        }
    }
}

fn unexpected(psp: Psp, what: impl Into<String>) -> InterpretError {
    InterpretError::Unexpected {
        psp: psp.as_str(),
        what: what.into(),
    }
}

/// Opn: a charge (or an error object).
pub fn interpret_omise<V: JsonView>(obj: &V) -> Result<Payment, InterpretError> {
    let object = obj.str_at(&["object"]).unwrap_or_default();
    if object == "error" {
        return Err(InterpretError::PspError {
            psp: "omise",
            code: obj.str_at(&["code"]).unwrap_or_default(),
            message: obj.str_at(&["message"]).unwrap_or_default(),
        });
    }
    if object != "charge" {
        return Err(unexpected(Psp::Omise, ["object `", &object, "`"].concat()));
    }
    let id = obj
        .str_at(&["id"])
        .ok_or_else(|| unexpected(Psp::Omise, "charge without id"))?;
    let status = match obj.str_at(&["status"]).as_deref() {
        Some("successful") => PaymentStatus::Succeeded,
        Some("failed") => PaymentStatus::Failed {
            code: obj
                .str_at(&["failure_code"])
                .unwrap_or_else(|| "failed_processing".into()),
            message: obj.str_at(&["failure_message"]).unwrap_or_default(),
        },
        Some("expired") => PaymentStatus::Expired,
        Some("reversed") => PaymentStatus::Canceled,
        Some("pending") => PaymentStatus::Pending,
        other => {
            return Err(unexpected(
                Psp::Omise,
                ["charge status `", other.unwrap_or("none"), "`"].concat(),
            ))
        }
    };
    let expires_at_ms = obj
        .str_at(&["expires_at"])
        .and_then(|s| parse_rfc3339_ms(&s).ok());
    let qr = obj.str_at(&["source", "scannable_code", "image", "download_uri"]);
    let next_action = if status != PaymentStatus::Pending {
        NextAction::None
    } else if qr.is_some() {
        NextAction::ShowQr {
            image_url: qr,
            payload: None,
            expires_at_ms,
        }
    } else if let Some(url) = obj.str_at(&["authorize_uri"]) {
        NextAction::Redirect {
            url,
            method: RedirectMethod::Get,
            fields: Vec::new(),
        }
    } else {
        NextAction::None
    };
    Ok(Payment {
        id,
        status,
        next_action,
    })
}

/// WooshPay: a payment intent, a checkout session, or an error (bare or `{error:{…}}`).
pub fn interpret_wooshpay<V: JsonView>(obj: &V) -> Result<Payment, InterpretError> {
    let err = obj.field("error").filter(|e| e.entries().is_some());
    if let Some(e) = err
        .as_ref()
        .or(if obj.str_at(&["object"]).as_deref() == Some("error") {
            Some(obj)
        } else {
            None
        })
    {
        return Err(InterpretError::PspError {
            psp: "wooshpay",
            code: e
                .str_at(&["code"])
                .or_else(|| e.str_at(&["type"]))
                .unwrap_or_default(),
            message: e.str_at(&["message"]).unwrap_or_default(),
        });
    }
    let object = obj.str_at(&["object"]).unwrap_or_default();
    let id = obj
        .str_at(&["id"])
        .ok_or_else(|| unexpected(Psp::Wooshpay, "object without id"))?;
    match object.as_str() {
        "payment_intent" => {
            let last_error = obj.field("last_payment_error").filter(|e| !e.is_null());
            let status = match obj.str_at(&["status"]).as_deref() {
                Some("succeeded") => PaymentStatus::Succeeded,
                Some("canceled") => PaymentStatus::Canceled,
                Some("requires_payment_method") if last_error.is_some() => {
                    let e = last_error.expect("checked above");
                    PaymentStatus::Failed {
                        code: e
                            .str_at(&["code"])
                            .or_else(|| e.str_at(&["decline_code"]))
                            .unwrap_or_else(|| "payment_failed".into()),
                        message: e.str_at(&["message"]).unwrap_or_default(),
                    }
                }
                Some(
                    "requires_payment_method"
                    | "requires_confirmation"
                    | "requires_action"
                    | "processing"
                    | "requires_capture",
                ) => PaymentStatus::Pending,
                other => {
                    return Err(unexpected(
                        Psp::Wooshpay,
                        ["payment_intent status `", other.unwrap_or("none"), "`"].concat(),
                    ))
                }
            };
            let next_action = match (status == PaymentStatus::Pending, obj.field("next_action")) {
                (true, Some(na)) if wooshpay_qr(&na).is_some() => {
                    wooshpay_qr(&na).unwrap_or(NextAction::None)
                }
                (true, Some(na)) => {
                    // Whatever the action's type is named, its url lives under that name.
                    let url = na
                        .str_at(&["type"])
                        .and_then(|t| na.str_at(&[t.as_str(), "url"]))
                        .or_else(|| na.str_at(&["redirect_to_url", "url"]))
                        .or_else(|| na.str_at(&["url"]));
                    match url {
                        Some(url) => NextAction::Redirect {
                            url,
                            method: RedirectMethod::Get,
                            fields: Vec::new(),
                        },
                        None => NextAction::None,
                    }
                }
                _ => NextAction::None,
            };
            Ok(Payment {
                id,
                status,
                next_action,
            })
        }
        "checkout.session" => {
            let status = match (
                obj.str_at(&["status"]).as_deref(),
                obj.str_at(&["payment_status"]).as_deref(),
            ) {
                (_, Some("paid" | "no_payment_required")) | (Some("complete"), None) => {
                    PaymentStatus::Succeeded
                }
                (Some("expired"), _) => PaymentStatus::Expired,
                // `complete` but `unpaid`: the shopper finished, the payment is still processing
                _ => PaymentStatus::Pending,
            };
            let open = obj.str_at(&["status"]).as_deref() == Some("open");
            let next_action = match obj.str_at(&["url"]) {
                Some(url) if status == PaymentStatus::Pending && open => NextAction::Redirect {
                    url,
                    method: RedirectMethod::Get,
                    fields: Vec::new(),
                },
                _ => NextAction::None,
            };
            Ok(Payment {
                id,
                status,
                next_action,
            })
        }
        other => Err(unexpected(Psp::Wooshpay, ["object `", other, "`"].concat())),
    }
}

/// ecommpay: a Gate synchronous answer, a callback (intermediate with `redirect_data`, or final),
/// or a status answer.
pub fn interpret_ecommpay<V: JsonView>(obj: &V) -> Result<Payment, InterpretError> {
    // A Payment Page the merchant server signed: {url, payment_id?} → open it.
    if let (Some(url), None) = (obj.str_at(&["url"]), obj.field("payment")) {
        return Ok(Payment {
            id: obj
                .at(&["payment_id"])
                .and_then(|v| v.scalar_text())
                .unwrap_or_default(),
            status: PaymentStatus::Pending,
            next_action: NextAction::Redirect {
                url,
                method: RedirectMethod::Get,
                fields: Vec::new(),
            },
        });
    }
    // Synchronous Gate answer: {status, request_id, project_id, payment_id} or an error.
    if obj.field("payment").map(|p| p.entries().is_some()) != Some(true) {
        let status = obj.str_at(&["status"]).unwrap_or_default();
        if status == "error" || obj.field("code").is_some() && status != "success" {
            return Err(InterpretError::PspError {
                psp: "ecommpay",
                code: obj
                    .at(&["code"])
                    .and_then(|c| c.scalar_text())
                    .unwrap_or_default(),
                message: obj.str_at(&["message"]).unwrap_or_default(),
            });
        }
        let id = obj
            .at(&["payment_id"])
            .and_then(|v| v.scalar_text())
            .ok_or_else(|| unexpected(Psp::Ecommpay, "answer without payment_id"))?;
        return Ok(Payment {
            id,
            status: PaymentStatus::Pending,
            next_action: NextAction::None,
        });
    }
    let id = obj
        .at(&["payment", "id"])
        .and_then(|v| v.scalar_text())
        .ok_or_else(|| unexpected(Psp::Ecommpay, "callback without payment.id"))?;
    let status = match obj.str_at(&["payment", "status"]).as_deref() {
        Some("success") => PaymentStatus::Succeeded,
        Some("decline" | "error" | "internal error" | "external error") => PaymentStatus::Failed {
            code: obj
                .at(&["operation", "code"])
                .and_then(|c| c.scalar_text())
                .unwrap_or_default(),
            message: obj.str_at(&["operation", "message"]).unwrap_or_default(),
        },
        Some("expired") => PaymentStatus::Expired,
        Some("cancelled" | "reversed" | "refunded") => PaymentStatus::Canceled,
        _ => PaymentStatus::Pending,
    };
    let next_action = match obj
        .field("redirect_data")
        .filter(|_| status == PaymentStatus::Pending)
    {
        Some(rd) => match rd.str_at(&["url"]) {
            Some(url) => NextAction::Redirect {
                url,
                method: if rd
                    .str_at(&["method"])
                    .is_some_and(|m| m.eq_ignore_ascii_case("POST"))
                {
                    RedirectMethod::Post
                } else {
                    RedirectMethod::Get
                },
                fields: rd
                    .field("body")
                    .map(|b| form_fields(&b))
                    .unwrap_or_default(),
            },
            None => NextAction::None,
        },
        None => NextAction::None,
    };
    Ok(Payment {
        id,
        status,
        next_action,
    })
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn opn_and_wooshpay_redirects_are_gets_so_their_builds_carry_no_post_form() {
        assert!(!posts_redirects(Psp::Omise) && !posts_redirects(Psp::Wooshpay));
        let charge = json!({"object":"charge","id":"chrg_1","status":"pending",
            "authorize_uri":"https://pay.example/a","source":{"type":"mobile_banking_kbank"}});
        let intent = json!({"object":"payment_intent","id":"pi_1","status":"requires_action",
            "next_action":{"type":"redirect_to_url","redirect_to_url":{"url":"https://pay.example/w"}}});
        for (psp, answer) in [(Psp::Omise, charge), (Psp::Wooshpay, intent)] {
            match interpret(psp, &answer).unwrap().next_action {
                NextAction::Redirect { method, .. } => assert_eq!(method, RedirectMethod::Get),
                other => panic!("{psp:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn omise_qr_charge_prefers_the_qr_over_authorize_uri() {
        let c = json!({"object":"charge","id":"chrg_1","status":"pending","expires_at":"2024-09-24T03:18:40Z",
            "authorize_uri":"https://pay.omise.co/x",
            "source":{"scannable_code":{"image":{"download_uri":"https://api.omise.co/q.png"}}}});
        let p = interpret(Psp::Omise, &c).unwrap();
        assert_eq!(p.status, PaymentStatus::Pending);
        assert_eq!(
            p.next_action,
            NextAction::ShowQr {
                image_url: Some("https://api.omise.co/q.png".into()),
                payload: None,
                expires_at_ms: Some(1_727_147_920_000)
            }
        );
        let failed = json!({"object":"charge","id":"chrg_1","status":"failed","failure_code":"failed_processing","failure_message":"General payment processing failure."});
        assert!(
            matches!(interpret(Psp::Omise, &failed).unwrap().status, PaymentStatus::Failed { ref code, .. } if code == "failed_processing")
        );
        let err = json!({"object":"error","code":"authentication_failure","message":"authentication failed"});
        assert!(matches!(
            interpret(Psp::Omise, &err),
            Err(InterpretError::PspError { .. })
        ));
        assert!(interpret(Psp::Omise, &json!({"object":"source","id":"src"})).is_err());
        assert!(interpret(Psp::Omise, &json!(null)).is_err());
    }

    #[test]
    fn wooshpay_qris_shows_its_qr_with_the_psp_expiry() {
        let pi = json!({"object":"payment_intent","id":"pi_1","status":"requires_action","amount":10000,"currency":"idr",
            "next_action":{"type":"qris_display_qr_code","qris_display_qr_code":{"data":"000201","image_url_png":"https://x/q.png","expires_at":1700000900}}});
        assert_eq!(
            interpret(Psp::Wooshpay, &pi).unwrap().next_action,
            NextAction::ShowQr {
                image_url: Some("https://x/q.png".into()),
                payload: Some("000201".into()),
                expires_at_ms: Some(1_700_000_900_000)
            }
        );
    }

    #[test]
    fn wooshpay_reads_next_action_whatever_its_type() {
        let pi = json!({"object":"payment_intent","id":"pi_1","status":"requires_action",
            "next_action":{"type":"promptpay_handle_redirect","promptpay_handle_redirect":{"url":"https://apitest.wooshpay.com/v1/receives/x"}}});
        assert_eq!(
            interpret(Psp::Wooshpay, &pi).unwrap().next_action,
            NextAction::Redirect {
                url: "https://apitest.wooshpay.com/v1/receives/x".into(),
                method: RedirectMethod::Get,
                fields: vec![]
            }
        );
        let failed = json!({"object":"payment_intent","id":"pi_1","status":"requires_payment_method","last_payment_error":{"code":"payment_declined","message":"no"}});
        assert!(matches!(
            interpret(Psp::Wooshpay, &failed).unwrap().status,
            PaymentStatus::Failed { .. }
        ));
        let fresh = json!({"object":"payment_intent","id":"pi_1","status":"requires_payment_method","last_payment_error":null});
        assert_eq!(
            interpret(Psp::Wooshpay, &fresh).unwrap().status,
            PaymentStatus::Pending
        );
        let cs = json!({"object":"checkout.session","id":"cs_1","status":"open","payment_status":"unpaid","url":"https://checkouttest.wooshpay.com/pay/cs_1"});
        assert!(matches!(
            interpret(Psp::Wooshpay, &cs).unwrap().next_action,
            NextAction::Redirect { .. }
        ));
        let paid = json!({"object":"checkout.session","id":"cs_1","status":"complete","payment_status":"paid"});
        assert_eq!(
            interpret(Psp::Wooshpay, &paid).unwrap().status,
            PaymentStatus::Succeeded
        );
        let err = json!({"error":{"type":"invalid_request_error","code":"parameter_invalid","message":"bad"}});
        assert!(
            matches!(interpret(Psp::Wooshpay, &err), Err(InterpretError::PspError { ref code, .. }) if code == "parameter_invalid")
        );
    }

    #[test]
    fn ecommpay_redirect_data_and_final_callbacks() {
        let sync =
            json!({"status":"success","request_id":"r1","project_id":4242,"payment_id":"order-1"});
        let p = interpret(Psp::Ecommpay, &sync).unwrap();
        assert_eq!(
            (p.id.as_str(), p.status),
            ("order-1", PaymentStatus::Pending)
        );
        let inter = json!({"project_id":4242,"payment":{"id":"order-1","status":"awaiting redirect result"},
            "redirect_data":{"method":"POST","url":"https://www.example.com/pay","body":{"Data":"4dg","Remarks":"","EncryptText":"8F4A"}}});
        match interpret(Psp::Ecommpay, &inter).unwrap().next_action {
            NextAction::Redirect {
                url,
                method,
                fields,
            } => {
                assert_eq!(url, "https://www.example.com/pay");
                assert_eq!(method, RedirectMethod::Post);
                assert_eq!(fields.len(), 3);
                assert!(
                    posts_redirects(Psp::Ecommpay),
                    "a build with ecommpay needs the form"
                );
            }
            other => panic!("{other:?}"),
        }
        let decline = json!({"payment":{"id":"order-1","status":"decline"},"operation":{"code":"100","message":"General decline"}});
        assert_eq!(
            interpret(Psp::Ecommpay, &decline).unwrap().status,
            PaymentStatus::Failed {
                code: "100".into(),
                message: "General decline".into()
            }
        );
        let page = json!({"url":"https://paymentpage.ecommpay.com/payment?project_id=4242&signature=x","payment_id":"order-2"});
        let p = interpret(Psp::Ecommpay, &page).unwrap();
        assert_eq!(p.id, "order-2");
        assert!(matches!(
            p.next_action,
            NextAction::Redirect {
                method: RedirectMethod::Get,
                ..
            }
        ));
        let err = json!({"status":"error","code":3041,"message":"Payment ID already exists"});
        assert!(
            matches!(interpret(Psp::Ecommpay, &err), Err(InterpretError::PspError { ref code, .. }) if code == "3041")
        );
    }

    /// Regression: a checkout session that is `complete` but `unpaid` counted as paid.
    #[test]
    fn checkout_session_complete_but_unpaid_is_still_processing() {
        let cs = json!({"object":"checkout.session","id":"cs_1","status":"complete","payment_status":"unpaid","url":"https://checkouttest.wooshpay.com/pay/cs_1"});
        let p = interpret(Psp::Wooshpay, &cs).unwrap();
        assert_eq!(p.status, PaymentStatus::Pending);
        assert_eq!(
            p.next_action,
            NextAction::None,
            "no redirect back to a finished page"
        );
    }
}
