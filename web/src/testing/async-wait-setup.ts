import { configure } from '@testing-library/dom';

// How long findBy*/waitFor keep retrying before they fail: not a threshold (a passing wait returns as soon as its
// condition holds), just room for lazily loaded chunks to import when the machine is busy. The library's 1 s default
// failed screens with a lazy form beside other suites on 2 cores.
configure({ asyncUtilTimeout: 10_000 });
