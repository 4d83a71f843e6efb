#include "rules/reader_connection.h"

namespace beacon::rules {

namespace {
thread_local store::Database* bound = nullptr;
}  // namespace

ReaderConnection::ReaderConnection(store::Database& db) : previous_(bound) { bound = &db; }

ReaderConnection::~ReaderConnection() { bound = previous_; }

store::Database* ReaderConnection::current() { return bound; }

}  // namespace beacon::rules
