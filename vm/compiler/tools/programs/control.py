def loops():
    out = []
    for i in range(10):
        if i == 2:
            continue
        if i == 7:
            break
        out.append(i)
    else:
        out.append('no')
    j = 0
    while j < 5:
        j += 1
        if j == 3:
            continue
        out.append(j * 10)
    else:
        out.append('else')
    return out
print(loops())

def tf(x):
    try:
        if x == 1:
            return 'ret1'
        if x == 2:
            raise ValueError('v')
        return 'ret0'
    except ValueError as e:
        return 'caught ' + str(e)
    finally:
        print('finally', x)
print(tf(0), tf(1), tf(2))

def finally_override():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print('fin', i)
    try:
        return 1
    finally:
        print('in finally')
print(finally_override())

def nested_try():
    r = []
    try:
        try:
            raise KeyError('k')
        except KeyError as e:
            r.append('inner ' + repr(e))
            raise TypeError('t') from e
        finally:
            r.append('inner finally')
    except TypeError as e:
        r.append('outer ' + repr(e) + ' cause ' + repr(e.__cause__))
    else:
        r.append('else')
    return r
print(nested_try())

def exc_var_deleted():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except NameError as n:
        return 'deleted'
print(exc_var_deleted())

def cont_in_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
        finally:
            if i == 1:
                continue
            out.append('f')
    return out
print(cont_in_finally())

def reraise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ZeroDivisionError as e:
        return type(e).__name__
print(reraise())

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return self.suppress

def with_tests():
    with CM('a') as a, CM('b') as b:
        print('body', a.name, b.name)
    with CM('s', True):
        raise ValueError('x')
    for i in range(3):
        with CM(str(i)):
            if i == 1:
                break
    with CM('r'):
        return 'returned'
print(with_tests())
try:
    with CM('outer'):
        raise KeyError('boom')
except KeyError as e:
    print('propagated', e)

x = 5
assert x == 5, 'no'
try:
    assert x == 6, f'x is {x}'
except AssertionError as e:
    print('assert', e)
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0)
print(x if x > 3 else -x, (x and 0) or 'or', not x)
