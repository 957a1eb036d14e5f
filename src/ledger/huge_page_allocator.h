// An allocator for arrays that grow to hundreds of megabytes and are touched at random, such as
// the hash tables of `treaty verify` (checked_events.h). An array of 2 MiB or more is aligned to
// 2 MiB and marked for transparent huge pages (madvise), so that first touching it faults once
// per 2 MiB instead of once per 4 KiB page, and its lookups miss the TLB less. A fault is costly
// on a virtual machine: at 1M events such faults were ~20 % of verify's time. Smaller arrays
// come from operator new. Where the kernel gives no huge pages the advice is ignored. Stateless and
// thread-safe: every instance frees what any other allocated.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace treaty::ledger {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}  // NOLINT: rebinding is implicit

  T* allocate(size_t count) {
    if (count > (SIZE_MAX - kHugePageBytes) / sizeof(T)) throw std::bad_array_new_length();
    const size_t bytes = count * sizeof(T);
    if (bytes < kHugePageBytes) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    void* memory = std::aligned_alloc(kHugePageBytes, rounded);
    if (memory == nullptr) throw std::bad_alloc();
    madvise(memory, rounded, MADV_HUGEPAGE);
    return static_cast<T*>(memory);
  }

  void deallocate(T* memory, size_t count) {
    if (count * sizeof(T) < kHugePageBytes) {
      ::operator delete(memory, count * sizeof(T));
    } else {
      std::free(memory);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const {
    return true;
  }
};

}  // namespace treaty::ledger
