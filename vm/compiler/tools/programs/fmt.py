print('%s=%r' % (1, 'a'), '%-5s|' % ('ab',), '%5.2s|' % ('abcdef',), '%%%s' % (1,), '%a' % ('é',), '' % ())
print('%s %s' % ('x', [1, 2]), '%+5s|% s|%#s|%05s' % ('a', 'b', 'c', 'd'))
try:
    print('%s %s' % (1,))
except TypeError as e:
    print('TypeError', e)
class S:
    def __str__(self): return 'STR'
    def __repr__(self): return 'REPR'
print('%s/%r' % (S(), S()))
