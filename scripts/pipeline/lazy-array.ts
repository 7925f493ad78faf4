// An array read from disk only when something looks into it: a rebuild reads every cached
// document, but most steps need only a plan's facts, not its blocks (four fifths of the cache's
// bytes). The array stands in for the real one everywhere (spreads and copies of the plan carry
// it unread; its length, an element or a method reads it whole); structured cloning
// (v8.serialize, worker messages) does not see through it: pass `realArray(list)` there.

interface Lazy {
  load: () => unknown[];
  real: unknown[] | null;
}

const lazies = new WeakMap<object, Lazy>();

const realOf = (lazy: Lazy): unknown[] => (lazy.real ??= lazy.load());

/** An array whose elements `load` gives the first time any of them (or its length) is asked for. */
export function lazyArray<T>(load: () => T[]): T[] {
  const lazy: Lazy = { load, real: null };
  const real = () => realOf(lazy);
  const proxy = new Proxy([] as T[], {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const found = Reflect.getOwnPropertyDescriptor(real(), key);
      // Only the stand-in's length is its own and not configurable: any element is said to be configurable, as a proxy must.
      return key === 'length' || !found ? found : { ...found, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
  });
  lazies.set(proxy, lazy);
  return proxy;
}

/** The array itself: a lazy array's elements (read now if they were not), any other array as it is. */
export function realArray<T>(list: readonly T[]): T[] {
  const lazy = lazies.get(list);
  return (lazy ? realOf(lazy) : list) as T[];
}

/** Whether `list` is a lazy array not read yet. */
export function isUnread(list: readonly unknown[]): boolean {
  return lazies.get(list)?.real === null;
}
