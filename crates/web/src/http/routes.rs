//! The portal's route table: built like an axum router (`.route(path,
//! get(a).post(b))`), it also keeps the list of what it serves, so the
//! authorisation test walks the routes the server really has. The API's
//! routes are listed by their OpenAPI document (`utoipa_axum`), built from
//! the same declarations as the router.

use crate::SharedState;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::MethodRouter;
use axum::Router;

/// The methods of one path, and what answers each.
pub struct Methods {
    router: MethodRouter<SharedState>,
    methods: Vec<Method>,
}

/// `GET` (and `HEAD`) answered by `handler`.
pub fn get<H: Handler<T, SharedState>, T: 'static>(handler: H) -> Methods {
    Methods {
        router: axum::routing::get(handler),
        methods: vec![Method::GET],
    }
}

/// `POST` answered by `handler`.
pub fn post<H: Handler<T, SharedState>, T: 'static>(handler: H) -> Methods {
    Methods {
        router: axum::routing::post(handler),
        methods: vec![Method::POST],
    }
}

impl Methods {
    /// And `POST` answered by `handler`.
    pub fn post<H: Handler<T, SharedState>, T: 'static>(mut self, handler: H) -> Self {
        self.router = self.router.post(handler);
        self.methods.push(Method::POST);
        self
    }

    /// For uploads: the body is bounded by the upload limit, not axum's
    /// default for forms.
    pub fn without_body_limit(mut self) -> Self {
        self.router = self
            .router
            .layer(axum::extract::DefaultBodyLimit::disable());
        self
    }
}

/// A route table that knows its routes.
#[derive(Default)]
pub struct PageRoutes {
    router: Router<SharedState>,
    listed: Vec<(Method, String)>,
}

impl PageRoutes {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn route(mut self, path: impl AsRef<str>, methods: Methods) -> Self {
        let path = path.as_ref();
        self.router = self.router.route(path, methods.router);
        self.listed
            .extend(methods.methods.into_iter().map(|m| (m, path.to_owned())));
        self
    }

    pub fn merge(mut self, other: PageRoutes) -> Self {
        self.router = self.router.merge(other.router);
        self.listed.extend(other.listed);
        self
    }

    /// The router, and every (method, path) it serves.
    pub fn into_parts(self) -> (Router<SharedState>, Vec<(Method, String)>) {
        (self.router, self.listed)
    }
}
