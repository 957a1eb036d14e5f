// A pool of objects that are not thread-safe (a LedgerStore, a SearchIndex: one connection each):
// a caller leases one for its exclusive use and gives it back when the lease ends; new ones are
// made on demand by the factory. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"

namespace treaty::http {

template <typename T>
class Pool {
 public:
  using Factory = std::function<Result<std::unique_ptr<T>>()>;

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<T> object) : pool_(pool), object_(std::move(object)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (object_) pool_->Release(std::move(object_));
    }
    T& operator*() const { return *object_; }
    T* operator->() const { return object_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<T> object_;
  };

  explicit Pool(Factory factory) : factory_(std::move(factory)) {}

  // A pooled object, or a new one. Errors: those of the factory.
  Result<Lease> Acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<T> object = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(object));
      }
    }
    Result<std::unique_ptr<T>> made = factory_();
    if (!made.ok()) return made.error();
    return Lease(this, std::move(made).value());
  }

 private:
  void Release(std::unique_ptr<T> object) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(object));
  }

  Factory factory_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<T>> idle_;
};

}  // namespace treaty::http
