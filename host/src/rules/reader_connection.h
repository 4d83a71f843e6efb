// ReaderConnection: binds, for the calling thread and the binding's lifetime, the Database that
// record readers without a snapshot (StoreRecordReader, the readers behind the plugins'
// HostServices::records()) read through. A web worker binds its own pooled Database around a
// drill's validation, so a plugin validator that reads records uses neither the AppContext's
// connection (which the compliance engine reads) nor a global lock, and sees the worker's open
// transaction. Unbound, a reader uses the Database it was built with. Bindings nest (the inner
// one wins until it ends). Thread-safe: the binding is thread-local.
#pragma once

#include "store/database.h"

namespace beacon::rules {

class ReaderConnection {
 public:
  // `db` must outlive the binding and belong to the calling thread.
  explicit ReaderConnection(store::Database& db);
  ~ReaderConnection();
  ReaderConnection(const ReaderConnection&) = delete;
  ReaderConnection& operator=(const ReaderConnection&) = delete;

  // The Database bound on the calling thread, or null.
  static store::Database* current();

 private:
  store::Database* previous_;
};

}  // namespace beacon::rules
